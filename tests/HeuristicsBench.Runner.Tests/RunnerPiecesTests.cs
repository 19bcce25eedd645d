using ChaosRunner.Run;
using ChaosRunner.Run.Checking;
using ChaosRunner.Run.Nemesis;
using HeuristicsBench.Experiments;
using HeuristicsBench.FaultProxy;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsBench.Runner.Tests;

public sealed class RunnerPiecesTests
{
    private static Fault Network(FaultKind kind, params (string Name, FaultParameterValue Value)[] parameters) =>
        new(kind, FaultTarget.Miner, parameters.ToDictionary(p => p.Name, p => p.Value), new FaultSchedule(TimeSpan.Zero, null, null, 1));

    [Fact]
    public void A_delay_is_a_latency_toxic_on_the_clients_requests()
    {
        var toxics = FaultToxics.For(Network(FaultKind.NetworkDelay,
            ("latency", new FaultParameterValue.DurationValue(TimeSpan.FromMilliseconds(200))),
            ("jitter", new FaultParameterValue.DurationValue(TimeSpan.FromMilliseconds(20))),
            ("correlation", new FaultParameterValue.NumberValue(0))), "f0r0");
        var t = Assert.Single(toxics);
        Assert.Equal(("latency", ToxicDirection.Upstream, 200L, 20L), (t.Type, t.Stream, t.Attributes["latency"], t.Attributes["jitter"]));
    }

    [Fact]
    public void A_partition_blackholes_both_directions_and_connection_loss_resets_a_share_of_connections()
    {
        var partition = FaultToxics.For(Network(FaultKind.NetworkPartition), "p");
        Assert.Equal([ToxicDirection.Upstream, ToxicDirection.Downstream], partition.Select(t => t.Stream));
        Assert.All(partition, t => Assert.Equal(("timeout", 0L), (t.Type, t.Attributes["timeout"])));
        var reset = Assert.Single(FaultToxics.For(Network(FaultKind.ConnectionLoss, ("percent", new FaultParameterValue.NumberValue(25))), "c"));
        Assert.Equal(("reset_peer", 0.25), (reset.Type, reset.Toxicity));
    }

    [Fact]
    public void The_generators_closing_summary_gives_the_exact_acknowledged_count()
    {
        Assert.Equal(1234, LocalRunExecutor.ProducedFromSummary("progress line\n{\"status\":\"completed\",\"produced\":1234}\n"));
        Assert.Null(LocalRunExecutor.ProducedFromSummary("killed before the summary"));
    }

    [Fact]
    public void The_offline_baseline_at_given_offsets_counts_only_records_below_them_and_similarity_is_1_for_the_same_model()
    {
        (string, string)?[] p0 = [("c1", "A"), ("c1", "B"), ("c1", "C"), null, ("c2", "A")];
        (string, string)?[] p1 = [("c3", "A"), ("c3", "B")];
        var baseline = new OfflineBaseline(TopicRecords.From([p0, p1]), new SummaryOptions(SummaryVariant.LossyCounting, 0), new ModelThresholds(0, 0));
        var offsets = new Dictionary<int, long> { [0] = 3, [1] = 2 };
        var model = baseline.ModelAt(offsets);
        Assert.Equal(5, model.Counts.EventsProcessed);
        var json = baseline.NormalizedJsonAt(offsets);
        Assert.Equal(json, OfflineBaseline.Normalize(ModelJsonWriter.ToBytes(model)));
        Assert.DoesNotContain("offsets", json, StringComparison.Ordinal);
        var later = new Dictionary<int, long> { [0] = 5, [1] = 2 };
        var similarities = baseline.Similarities([(offsets, model), (later, baseline.ModelAt(later)), (offsets, model)]);
        Assert.All(similarities, s => Assert.Equal(1.0, s));
    }
}
