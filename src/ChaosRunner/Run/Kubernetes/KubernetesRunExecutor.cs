using ChaosRunner.Run.Checking;
using ChaosRunner.Run.Measurement;
using Confluent.Kafka;
using HeuristicsBench.ChaosMesh;
using HeuristicsBench.Prometheus.History;
using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Workloads.Fidelity;
using HeuristicsBench.Workloads.Models;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Summaries;

namespace ChaosRunner.Run.Kubernetes;

/// <summary>
/// Carries out one run against the system the helm chart deployed: Chaos Mesh objects are the nemesis, Prometheus
/// (query_range, 1 s step) gives the history with the same metric names as a local run, the model topic gives
/// fidelity and the baseline comparison, and the broker's offsets watch the abort conditions live. The load generator
/// keeps running between runs (the chart's Deployment), so the checkers compare the final model with the records
/// up to its own offsets, and "no orphan" means no Chaos Mesh object of the run is left behind.
/// </summary>
public sealed class KubernetesRunExecutor(KubernetesSettings settings, ChaosMeshClient chaos, ChaosMeshTargets targets, PrometheusHistorySource prometheus, TimeSpan drainTimeout)
{
    public async Task<RunRecord> ExecuteAsync(RunPlan plan, IProgress<RunProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var duration = plan.Run.Duration;
        var runId = RunIds.For(plan.Run);
        var history = new RunHistory();
        var t0 = DateTimeOffset.UtcNow;
        var end = t0;
        string? error = null;
        string? abortReason = null;
        FinalModel? final = null;
        string? finalJson = null;
        string? baselineJson = null;
        long[] checkedOffsets = [];
        var acknowledged = 0L;
        IReadOnlyList<AppliedFault> applied = [];
        var leftovers = new List<string>();
        var loadEnd = 0.0;
        KubernetesNemesis? nemesis = null;
        try
        {
            progress?.Report(new RunProgress("starting", 0, duration.TotalSeconds, null));
            var partitions = PartitionCount();
            var truth = ModelCatalog.Load(plan.Workload.Model, unchecked((ulong)plan.Run.Seed));
            using var offsets = new BrokerOffsets(settings.Bootstrap, settings.EventsTopic, partitions, settings.MinerGroup);
            using var models = new ModelWatcher(settings.Bootstrap, settings.ModelTopic);
            var abort = new AbortWatch(plan.Experiment.Abort);
            t0 = DateTimeOffset.UtcNow;
            nemesis = new KubernetesNemesis(chaos, plan.Run, runId, targets, t0);
            nemesis.Start(cancel);
            var until = t0 + duration;
            double? lag = null;
            while (DateTimeOffset.UtcNow < until && abortReason is null && nemesis.Failure is null)
            {
                cancel.ThrowIfCancellationRequested();
                try
                {
                    var high = offsets.HighWatermarks(TimeSpan.FromSeconds(1));
                    var committed = offsets.Committed(TimeSpan.FromSeconds(1));
                    lag = high.Zip(committed, (h, c) => (double)Math.Max(0, h - c)).Sum();
                    abortReason = abort.Observe(Unix(DateTimeOffset.UtcNow), lag.Value);
                }
                catch (KafkaException)
                {
                    // the broker is unreachable for a moment (perhaps a fault of this very run)
                }
                progress?.Report(new RunProgress("faults " + nemesis.ActiveCount, (DateTimeOffset.UtcNow - t0).TotalSeconds, duration.TotalSeconds, lag));
                await Task.Delay(1000, cancel).ConfigureAwait(false);
            }
            await nemesis.HaltAsync(abortReason ?? (nemesis.Failure is { } f ? "a fault could not be applied: " + f.Message : "the run ended")).ConfigureAwait(false);
            if (nemesis.Failure is { } failure)
                error = "Chaos Mesh: " + failure.Message.Split('\n')[0];

            // The load goes on; the model must catch up with what was in the topic when the run ended.
            progress?.Report(new RunProgress("draining", duration.TotalSeconds, duration.TotalSeconds, lag));
            loadEnd = Unix(DateTimeOffset.UtcNow);
            var hwEnd = offsets.HighWatermarks(TimeSpan.FromSeconds(10));
            var hwEndTime = Unix(DateTimeOffset.UtcNow);
            var deadline = DateTime.UtcNow + drainTimeout;
            while (DateTime.UtcNow < deadline && !Reaches(models.Latest, hwEnd))
                await Task.Delay(250, cancel).ConfigureAwait(false);
            end = DateTimeOffset.UtcNow;

            progress?.Report(new RunProgress("checking", duration.TotalSeconds, duration.TotalSeconds, lag));
            foreach (var s in (await prometheus.ReadAsync(t0, end, cancel).ConfigureAwait(false)).Samples)
                history.Add(s.Metric, s.Time, s.Value);
            var window = models.All.Where(m => m.Time >= Unix(t0) && m.Time <= Unix(end)).ToList();
            AddModelSeries(history, window, truth);
            AddFaultsActive(history, nemesis.Applied, Unix(t0), Unix(end));
            // Acknowledged up to when the offsets were read (the load goes on: later acknowledgements are beyond hwEnd).
            var (ackedTimes, ackedValues) = history.Series(MetricNames.EventsAcknowledged);
            var lastBefore = Array.FindLastIndex(ackedTimes, t => t <= hwEndTime);
            acknowledged = lastBefore < 0 ? 0 : (long)ackedValues[lastBefore];

            if (models.Latest is { } last)
            {
                // Records up to the final model's own offsets (the topic keeps growing under the running load).
                checkedOffsets = [.. Enumerable.Range(0, partitions).Select(p => Math.Max(hwEnd[p], last.Offsets.GetValueOrDefault(p)))];
                var upTo = Enumerable.Range(0, partitions).Select(p => last.Offsets.GetValueOrDefault(p)).ToArray();
                var records = TopicRecords.Read(settings.Bootstrap, settings.EventsTopic, upTo, TimeSpan.FromSeconds(120));
                var baseline = new OfflineBaseline(records, new SummaryOptions(SummaryVariant.LossyCounting, plan.System.Miner.Epsilon), LocalRunExecutor.Thresholds(plan));
                ModelHistory.AddSimilarities(history, baseline, window);
                finalJson = LocalRunExecutor.PrettyJson(last.Json);
                final = new FinalModel(last.Offsets, last.EventsProcessed, OfflineBaseline.Normalize(last.Json));
                baselineJson = baseline.NormalizedJsonAt(last.Offsets);
            }
            else
            {
                checkedOffsets = hwEnd;
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            error = "interrupted (Ctrl-C)";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.Message.Split('\n')[0];
        }
        finally
        {
            if (nemesis is not null)
            {
                try
                {
                    await nemesis.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    leftovers.Add("cleanup failed: " + e.Message.Split('\n')[0]);
                }
                applied = nemesis.Applied;
                leftovers.AddRange(nemesis.CleanupProblems);
            }
        }

        leftovers.AddRange(await LeftoverObjectsAsync(runId).ConfigureAwait(false));
        var orphans = Checkers.LeftoverObjects(leftovers);
        var verdicts = error is null
            ? [.. Checkers.All(new CheckInput(acknowledged, checkedOffsets, final, baselineJson, [])).Where(v => v.Checker != Checkers.NoOrphanProcesses), orphans]
            : new List<CheckerVerdict> { orphans };
        string? deviation = null;
        if (plan.Experiment.Hypothesis is { } hypothesis && error is null)
        {
            var (times, lags) = history.Series(MetricNames.Lag);
            var windows = applied.Where(a => a.AppliedStart is not null).ToList();
            deviation = abortReason is not null
                ? HypothesisCheck.NotChecked + "the run was aborted"
                : HypothesisCheck.Deviation(hypothesis, times, lags, Unix(t0),
                    windows.Count == 0 ? null : windows.Min(a => a.AppliedStart!.Value),
                    windows.Count == 0 ? null : windows.Max(a => a.AppliedEnd ?? a.AppliedStart!.Value),
                    loadEnd);
        }
        return new RunRecord(plan.Run, Unix(t0), Unix(end), history, applied, verdicts, finalJson, abortReason,
            plan.Experiment.Hypothesis is not null, deviation, error,
            checkedOffsets.Sum(), [.. applied.Select(a => $"{a.Kind} on {a.Target}: {a.Note}")]);
    }

    private int PartitionCount()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = settings.Bootstrap }).Build();
        var topic = admin.GetMetadata(settings.EventsTopic, TimeSpan.FromSeconds(20)).Topics.FirstOrDefault();
        if (topic is null || topic.Error.IsError || topic.Partitions.Count == 0)
            throw new InvalidOperationException($"topic {settings.EventsTopic} is not available at {settings.Bootstrap}: {topic?.Error.Reason ?? "no metadata"}");
        return topic.Partitions.Count;
    }

    private static bool Reaches(ObservedModel? model, long[] high) =>
        model is not null && Enumerable.Range(0, high.Length).All(p => model.Offsets.GetValueOrDefault(p) >= high[p]);

    private static void AddModelSeries(RunHistory history, IReadOnlyList<ObservedModel> models, IProcessModel truth)
    {
        foreach (var m in models)
        {
            history.Add(MetricNames.EventsProcessed, m.Time, m.EventsProcessed);
            try
            {
                history.Add(MetricNames.FidelityF1, m.Time, ArcFidelity.Of(ModelJsonReader.Read(m.Json).Net, truth.TruthAt(m.EventsProcessed)).F1);
            }
            catch (FormatException)
            {
            }
        }
    }

    /// <summary>Faults_Active once a second from the applied windows.</summary>
    public static void AddFaultsActive(RunHistory history, IReadOnlyList<AppliedFault> applied, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(applied);
        for (var t = Math.Floor(from); t <= to; t++)
        {
            var active = applied.Count(a => a.AppliedStart is { } s && s <= t && (a.AppliedEnd ?? double.MaxValue) > t);
            history.Add(MetricNames.FaultsActive, t, active);
        }
    }

    private async Task<IReadOnlyList<string>> LeftoverObjectsAsync(string runId)
    {
        var found = new List<string>();
        foreach (var kind in ChaosKind.All)
        {
            try
            {
                foreach (var item in await chaos.ListAsync(kind, ChaosMeshNames.RunSelector(runId), CancellationToken.None).ConfigureAwait(false))
                    found.Add($"{kind.Kind}/{item["metadata"]?["name"]?.GetValue<string>()}");
            }
            catch (ChaosMeshException e)
            {
                found.Add($"cannot list {kind.Plural}: {e.Message}");
            }
        }
        return found;
    }

    private static double Unix(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;
}
