using HeuristicsBench.Workloads.MarkovChains;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

public class MarkovChainReplayTests
{
    private readonly MarkovChainModel _loop = TestChains.Load(TestChains.SharedAndLoop);
    private readonly MarkovChainModel _shared = TestChains.Load(TestChains.SharedActivity);

    [Theory]
    [InlineData("a1 b d")]
    [InlineData("a2 c d")]
    [InlineData("a1 b x d")]
    [InlineData("a2 c x x x x d")]
    public void Traces_of_the_chain_are_accepted(string trace) =>
        Assert.True(_loop.Accepts(trace.Split(' '), 0));

    [Theory]
    [InlineData("")]
    [InlineData("a1")] // incomplete
    [InlineData("a1 b")] // stops in D
    [InlineData("a1 b x")] // stops in D after the loop
    [InlineData("a1 c d")] // c cannot follow a1
    [InlineData("b d")] // does not begin at the start state
    [InlineData("a1 b d d")] // continues after end
    [InlineData("a1 b d x")] // continues after end
    [InlineData("a1 b zz d")] // unknown activity
    [InlineData("x d")] // x exists, but not in the start state
    public void Wrong_traces_are_rejected(string trace) =>
        Assert.False(_loop.Accepts(trace.Length == 0 ? [] : trace.Split(' '), 0));

    [Theory]
    [InlineData("go left go", true)]
    [InlineData("go left stop", true)]
    [InlineData("go right go", true)]
    [InlineData("go right stop", true)]
    [InlineData("go", false)] // go of S never ends a case
    [InlineData("go go", false)]
    [InlineData("go left", false)]
    [InlineData("go left right stop", false)]
    [InlineData("go left go stop", false)]
    public void Replay_tracks_every_state_an_activity_can_be_in(string trace, bool expected) =>
        Assert.Equal(expected, _shared.Accepts(trace.Split(' '), 0));
}
