namespace HeuristicsBench.EventLogs.Tests;

public class SplitMix64Tests
{
    [Fact]
    public void Matches_the_reference_sequence()
    {
        // Reference values of Vigna's splitmix64.c for seed 1234567.
        var random = new SplitMix64(1234567UL);

        Assert.Equal(6457827717110365317UL, random.Next());
        Assert.Equal(3203168211198807973UL, random.Next());
        Assert.Equal(9817491932198370423UL, random.Next());
    }

    [Fact]
    public void Seed_zero()
    {
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
    }

    [Fact]
    public void Negative_int_seeds_are_sign_extended()
    {
        var fromInt = new SplitMix64(-1);
        var fromUlong = new SplitMix64(ulong.MaxValue);

        Assert.Equal(fromUlong.Next(), fromInt.Next());
        Assert.Equal(16834447057089888969UL, fromInt.Next());
    }
}
