using EmbeddedKafka.Protocol;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Protocol;

public sealed class ApiVersionsTests
{
    // First flexible version of each API (the "flexibleVersions" of Kafka's message JSON schemas).
    private static readonly Dictionary<ApiKey, short> FirstFlexible = new()
    {
        [ApiKey.Produce] = 9, [ApiKey.Fetch] = 12, [ApiKey.ListOffsets] = 6, [ApiKey.Metadata] = 9,
        [ApiKey.OffsetCommit] = 8, [ApiKey.OffsetFetch] = 6, [ApiKey.FindCoordinator] = 3, [ApiKey.JoinGroup] = 6,
        [ApiKey.Heartbeat] = 4, [ApiKey.LeaveGroup] = 4, [ApiKey.SyncGroup] = 4, [ApiKey.DescribeGroups] = 5,
        [ApiKey.ListGroups] = 3, [ApiKey.ApiVersions] = 3, [ApiKey.CreateTopics] = 5, [ApiKey.DeleteTopics] = 4,
        [ApiKey.InitProducerId] = 2,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Lists_every_api_below_its_first_flexible_version(short version)
    {
        await using var broker = BrokerFixture.Start();
        using var client = RawKafkaClient.Connect(broker);
        var reader = client.Request(ApiKey.ApiVersions, version, _ => { });
        Assert.Equal((short)ErrorCode.None, reader.ReadInt16());
        int count = reader.ReadInt32();
        var seen = new Dictionary<ApiKey, (short Min, short Max)>();
        for (int i = 0; i < count; i++)
        {
            seen[(ApiKey)reader.ReadInt16()] = (reader.ReadInt16(), reader.ReadInt16());
        }

        if (version >= 1)
        {
            Assert.Equal(0, reader.ReadInt32());
        }

        Assert.Equal(0, reader.Remaining);
        Assert.Equal(FirstFlexible.Keys.Order(), seen.Keys.Order());
        foreach (var (key, (min, max)) in seen)
        {
            Assert.True(min <= max, $"{key}: {min}..{max}");
            Assert.True(max < FirstFlexible[key], $"{key} advertises flexible version {max}");
        }

        Assert.Equal(3, seen[ApiKey.Produce].Min);
        Assert.Equal(4, seen[ApiKey.Fetch].Min);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(99)]
    public async Task Unsupported_version_gets_v0_body_with_error_35_and_the_supported_range(short version)
    {
        await using var broker = BrokerFixture.Start();
        using var client = RawKafkaClient.Connect(broker);
        // A v3+ request has header v2 (tagged fields after the client id) and a flexible body; the broker must
        // answer without understanding either, as Kafka does (KIP-511).
        var reader = client.Request(ApiKey.ApiVersions, version, w =>
        {
            w.WriteInt8(0);
            w.WriteRaw([0x05, (byte)'l', (byte)'i', (byte)'b', (byte)'x', 0x02, (byte)'1', 0x00]);
        });
        Assert.Equal((short)ErrorCode.UnsupportedVersion, reader.ReadInt16());
        Assert.Equal(1, reader.ReadInt32());
        Assert.Equal((short)ApiKey.ApiVersions, reader.ReadInt16());
        Assert.Equal(0, reader.ReadInt16());
        Assert.Equal(2, reader.ReadInt16());
        Assert.Equal(0, reader.Remaining);

        // The connection stays usable: the client retries at a version we serve.
        var retry = client.Request(ApiKey.ApiVersions, 2, _ => { });
        Assert.Equal((short)ErrorCode.None, retry.ReadInt16());
    }
}
