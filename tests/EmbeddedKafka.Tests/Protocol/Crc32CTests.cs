using System.Text;
using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Tests.Protocol;

public sealed class Crc32CTests
{
    [Theory]
    [InlineData("123456789", 0xE3069283u)] // the CRC-32C check value (RFC 3720 / the Castagnoli catalogue)
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    public void Matches_published_values(string text, uint expected)
    {
        Assert.Equal(expected, Crc32C.Compute(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Thirty_two_zero_bytes_match_rfc3720_vector()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
    }
}
