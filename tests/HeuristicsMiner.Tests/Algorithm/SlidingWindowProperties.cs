using CsCheck;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

public class SlidingWindowProperties
{
    [Fact]
    public void Window_counts_equal_batch_counts_over_the_last_W_events()
    {
        Gen.Select(RandomStreams.Of(6, 6, 400), Gen.Int[1, 50]).Sample((stream, window) =>
        {
            var sliding = Feed.All(new SlidingWindowSummary(window), stream).GetCounts();
            var batch = RandomStreams.Exact(stream.Skip(Math.Max(0, stream.Length - window))).GetCounts();
            Assert.Equal(string.Join(",", Feed.Table(batch.Activities)), string.Join(",", Feed.Table(sliding.Activities)));
            Assert.Equal(string.Join(",", Feed.Table(batch.Relations)), string.Join(",", Feed.Table(sliding.Relations)));
            Assert.Equal(string.Join(",", Feed.Table(batch.LoopPatterns)), string.Join(",", Feed.Table(sliding.LoopPatterns)));
            Assert.Equal(string.Join(",", Feed.Table(batch.StartActivities)), string.Join(",", Feed.Table(sliding.StartActivities)));
            Assert.Equal(batch.Cases, sliding.Cases);
        }, iter: 400);
    }

    [Fact]
    public void Hand_computed_window_of_three()
    {
        // 1:a 1:b 2:a 1:c 2:b : the window keeps 2:a 1:c 2:b — case 1's b left, so c starts case 1 in the window.
        var counts = Feed.All(new SlidingWindowSummary(3), Feed.Parse("1:a 1:b 2:a 1:c 2:b")).GetCounts();
        Assert.Equal(["a:1/0", "b:1/0", "c:1/0"], Feed.Table(counts.Activities));
        Assert.Equal(["a>b:1/0"], Feed.Table(counts.Relations));
        Assert.Equal(["a:1/0", "c:1/0"], Feed.Table(counts.StartActivities));
    }
}
