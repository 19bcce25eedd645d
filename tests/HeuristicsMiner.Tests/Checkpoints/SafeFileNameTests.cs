using CsCheck;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Tests.Checkpoints;

public class SafeFileNameTests
{
    /// <summary>Names from a few characters that escaping must keep apart (case, '.', '%', '~', '/', non-ASCII).</summary>
    private static readonly Gen<string> Names = Gen.Char["aAbB.%~/_-é0"].Array[1, 12].Select(c => new string(c));

    [Fact]
    public void Different_names_never_give_names_equal_even_ignoring_case()
    {
        Gen.Select(Names, Names).Where(p => p.Item1 != p.Item2).Sample((a, b) =>
            Assert.NotEqual(SafeFileName.For(a), SafeFileName.For(b), StringComparer.OrdinalIgnoreCase), iter: 5000);
    }

    [Fact]
    public void Results_are_plain_path_segments()
    {
        Gen.OneOf(Names, Gen.String[1, 400]).Sample(name =>
        {
            var safe = SafeFileName.For(name);
            Assert.InRange(safe.Length, 1, SafeFileName.MaxLength);
            Assert.All(safe, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '%' or '~', $"'{c}' in {safe}"));
            Assert.NotEqual(".", safe);
            Assert.NotEqual("..", safe);
        }, iter: 2000);
    }

    [Fact]
    public void Long_names_that_share_a_prefix_stay_apart()
    {
        var a = new string('x', 300) + "a";
        var b = new string('x', 300) + "b";
        Assert.NotEqual(SafeFileName.For(a), SafeFileName.For(b));
        Assert.Equal(SafeFileName.For(a), SafeFileName.For(a));
        Assert.Equal("miner-1_x", SafeFileName.For("miner-1_x"));
        Assert.Equal("%4Diner%2E%25", SafeFileName.For("Miner.%"));
    }
}
