using System.Text;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;
using HeuristicsMiner.Serving;

namespace HeuristicsMiner.Tests.Serving;

public sealed class PartitionedMinerTests
{
    private static readonly SummaryOptions Summary = new(SummaryVariant.LossyCounting, 0.01);
    private static readonly ModelThresholds Thresholds = new(0.5, 1, 0.1, 0.9, null);
    private static readonly PartitionId P0 = new("events", 0);
    private static readonly PartitionId P1 = new("events", 1);

    private static byte[] Event(int i) =>
        StreamEventJson.ToUtf8(new StreamEvent($"case_{i % 13}", "ABCDE"[(i / 13 + i % 3) % 5].ToString(), DateTimeOffset.UnixEpoch, i, 1, false, 1, "", ""));

    private static PartitionedMiner NewMiner() => new(Summary, Thresholds, 4096);

    [Fact]
    public void Records_below_the_next_offset_are_already_reflected_and_invalid_ones_still_advance_it()
    {
        var miner = NewMiner();
        miner.Assign(P0, null);
        Assert.Equal(RecordOutcome.Valid, miner.Process(P0, 0, Event(0)).Outcome);
        var invalid = miner.Process(P0, 1, Encoding.UTF8.GetBytes("{}"));
        Assert.Equal((RecordOutcome.Invalid, InvalidKind.Malformed), (invalid.Outcome, invalid.Kind));
        Assert.Equal(InvalidKind.Empty, miner.Process(P0, 2, []).Kind);
        Assert.Equal(InvalidKind.Oversized, miner.Process(P0, 3, new byte[4097]).Kind);
        Assert.Equal(RecordOutcome.AlreadyReflected, miner.Process(P0, 1, Event(1)).Outcome);
        Assert.Equal(4, miner.Partitions[P0].NextOffset);
        Assert.Equal(1, miner.EventsProcessed);
        Assert.Throws<InvalidOperationException>(() => miner.Process(P1, 0, Event(0)));
    }

    [Fact]
    public void A_partition_restored_from_a_checkpoint_continues_exactly_as_without_the_interruption()
    {
        var uninterrupted = NewMiner();
        uninterrupted.Assign(P0, null);
        var first = NewMiner();
        first.Assign(P0, null);
        for (var i = 0; i < 500; i++)
        {
            uninterrupted.Process(P0, i, Event(i));
            first.Process(P0, i, Event(i));
        }
        var checkpoint = first.TakeCheckpoint(P0);
        var second = NewMiner();
        second.Assign(P0, checkpoint);
        for (var i = 400; i < 1000; i++) // re-delivery of 400..499 must not count twice
        {
            uninterrupted.Process(P0, i, Event(i));
            second.Process(P0, i, Event(i));
        }
        Assert.Equal(SummarySnapshot.ToBytes(uninterrupted.Partitions[P0].Summary), SummarySnapshot.ToBytes(second.Partitions[P0].Summary));
        Assert.Equal(1000, second.Partitions[P0].NextOffset);
    }

    [Fact]
    public void The_model_is_the_merge_of_the_partition_states_with_their_offsets()
    {
        var miner = NewMiner();
        miner.Assign(P0, null);
        miner.Assign(P1, null);
        var s0 = Summary.Create();
        var s1 = Summary.Create();
        for (var i = 0; i < 300; i++)
        {
            var (p, s) = i % 3 == 0 ? (P1, s1) : (P0, s0);
            miner.Process(p, miner.Partitions[p].NextOffset, Event(i));
            Assert.True(StreamEventJson.TryParse(Event(i), out var e, out _));
            s.Observe(e!.CaseId, e.Activity);
        }
        var (model, offsets) = miner.BuildModel();
        var expected = MinedModel.From(SummaryCountsMerger.Merge([s0.GetCounts(), s1.GetCounts()]), Thresholds);
        Assert.Equal(ModelJsonWriter.ToBytes(expected), ModelJsonWriter.ToBytes(model));
        Assert.Equal(new Dictionary<PartitionId, long> { [P0] = 200, [P1] = 100 }, offsets);
    }

    [Fact]
    public void A_checkpoint_made_with_another_epsilon_is_refused_naming_both_settings()
    {
        var other = new PartitionedMiner(Summary with { Epsilon = 0.05 }, Thresholds, 4096);
        other.Assign(P0, null);
        other.Process(P0, 0, Event(0));
        var e = Assert.Throws<CheckpointMismatchException>(() => NewMiner().Assign(P0, other.TakeCheckpoint(P0)));
        Assert.Contains("lc ε 0.05", e.Message, StringComparison.Ordinal);
        Assert.Contains("lc ε 0.01", e.Message, StringComparison.Ordinal);
        var damaged = new PartitionCheckpoint(P0, 5, [1, 2, 3]);
        Assert.Throws<InvalidDataException>(() => NewMiner().Assign(P0, damaged));
    }
}
