using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Streams;

namespace HeuristicsBench.Workloads.Tests.Streams;

public class LogReplayTests
{
    private static readonly string Log = Path.Combine(AppContext.BaseDirectory, "TestData", "running-example.xes");

    [Fact]
    public void Replay_emits_the_log_in_reader_order_with_case_sequences_and_last_flags()
    {
        var replayed = LogReplay.Events(Log).ToArray();
        var read = EventLogReader.Read(Log).ToArray();
        Assert.Equal(read.Select(e => (e.CaseId, e.Activity, e.Timestamp!.Value)), replayed.Select(e => (e.CaseId, e.Activity, e.Timestamp)));
        Assert.Equal(6, replayed.Count(e => e.LastInCase));
        foreach (var trace in replayed.GroupBy(e => e.CaseId))
        {
            Assert.Equal(Enumerable.Range(1, trace.Count()), trace.Select(e => e.Sequence));
            Assert.True(trace.Last().LastInCase);
        }
        Assert.Equal(Enumerable.Range(0, 42).Select(i => (long)i), replayed.Select(e => e.EventId));
    }

    [Fact]
    public void A_limit_cuts_the_replay()
    {
        Assert.Equal(10, LogReplay.Events(Log, limit: 10).Count());
    }
}
