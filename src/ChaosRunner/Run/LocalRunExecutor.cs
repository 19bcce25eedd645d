using System.Globalization;
using System.Text.Json;
using ChaosRunner.Run.Checking;
using ChaosRunner.Run.Local;
using ChaosRunner.Run.Measurement;
using ChaosRunner.Run.Processes;
using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Workloads.Models;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;

namespace ChaosRunner.Run;

/// <summary>
/// Carries out one run on this machine, Jepsen style: start the system (broker, miner), start the load, let the
/// nemesis apply the faults on schedule while the observer records the history, then stop the load, let the miner
/// drain, stop everything, read the topic back and run the checkers. Whatever happens, every fault is removed and
/// every child process stopped before it returns.
/// </summary>
public sealed class LocalRunExecutor(ServiceBinaries binaries, TimeSpan drainTimeout)
{
    public async Task<RunRecord> ExecuteAsync(RunPlan plan, ProcessRegistry registry, IProgress<RunProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(registry);
        var started = Now();
        var duration = plan.Run.Duration;
        string? error = null;
        string? abortReason = null;
        var history = new RunHistory();
        IReadOnlyList<AppliedFault> applied = [];
        IReadOnlyList<string> commands = [];
        FinalModel? final = null;
        string? finalJson = null;
        string? baselineJson = null;
        long[] high = [];
        var workloadStart = started;
        var observedEnd = started;
        var loadStopped = started;
        var acknowledged = 0L;

        LocalCluster? cluster = null;
        Observer? observer = null;
        Nemesis.Nemesis? nemesis = null;
        try
        {
            progress?.Report(new RunProgress("starting", 0, duration.TotalSeconds, null));
            cluster = new LocalCluster(plan, binaries, registry, unchecked((int)plan.Run.Seed));
            await cluster.StartSystemAsync(cancel).ConfigureAwait(false);
            var truth = ModelCatalog.Load(plan.Workload.Model, unchecked((ulong)plan.Run.Seed));
            var aborted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var activeFaults = 0;
            observer = new Observer(cluster, plan.System.Partitions, truth, () => Volatile.Read(ref activeFaults), plan.Experiment.Abort, r => aborted.TrySetResult(r));
            history = observer.History;
            observer.Start();

            await cluster.StartGeneratorAsync(duration, cancel).ConfigureAwait(false);
            var t0 = DateTimeOffset.UtcNow;
            workloadStart = Unix(t0);
            var theCluster = cluster;
            // A generator killed by a fault restarts for the rest of the workload only; once the workload is over it stays down.
            nemesis = new Nemesis.Nemesis(cluster, plan, t0, ct =>
                DateTimeOffset.UtcNow < t0 + duration ? theCluster.StartGeneratorAsync(Remaining(t0, duration), ct) : Task.CompletedTask);
            var n = nemesis;
            using var faultCounter = new Timer(_ => Volatile.Write(ref activeFaults, n.ActiveCount), null, 0, 200);
            nemesis.Start();

            // The workload phase: until its end, an abort condition, or Ctrl-C.
            var end = t0 + duration;
            while (DateTimeOffset.UtcNow < end && !aborted.Task.IsCompleted)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Report(new RunProgress("faults " + nemesis.ActiveCount, (DateTimeOffset.UtcNow - t0).TotalSeconds, duration.TotalSeconds, observer.LastLag));
                await Task.WhenAny(Task.Delay(250, cancel), aborted.Task).ConfigureAwait(false);
            }
            if (aborted.Task.IsCompleted)
                abortReason = await aborted.Task.ConfigureAwait(false);
            await nemesis.HaltAsync(abortReason ?? "the run ended").ConfigureAwait(false);
            Volatile.Write(ref activeFaults, 0);

            // Stop the load: the generator stops by itself at the end of its duration; on an abort it is stopped.
            progress?.Report(new RunProgress("draining", duration.TotalSeconds, duration.TotalSeconds, observer.LastLag));
            loadStopped = Math.Min(Now(), workloadStart + duration.TotalSeconds);
            acknowledged = await StopGeneratorAsync(cluster, observer, abortReason is not null).ConfigureAwait(false);
            // The generator has exited, so the topic no longer grows: drain against offsets read now, not the last sample.
            var drainTarget = await FinalHighWatermarksAsync(observer, cancel).ConfigureAwait(false);
            await DrainAsync(observer, drainTarget, cancel).ConfigureAwait(false);

            // A graceful stop of the miner publishes its final model and checkpoints.
            progress?.Report(new RunProgress("stopping", duration.TotalSeconds, duration.TotalSeconds, observer.LastLag));
            var minerExit = await cluster.StopAsync(ServiceRole.Miner, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            if (minerExit is not null and not 0)
                error = $"the miner exited with code {minerExit} on SIGTERM (see logs/miner.log)";
            high = await FinalHighWatermarksAsync(observer, cancel).ConfigureAwait(false);
            await WaitForModelAsync(observer, high, cancel).ConfigureAwait(false);
            await observer.StopSamplingAsync().ConfigureAwait(false);
            await observer.SampleAsync().ConfigureAwait(false);
            observedEnd = Now();

            // Read the topic back: the baseline (offline mining of the same records) for the checkers and the similarity series.
            progress?.Report(new RunProgress("checking", duration.TotalSeconds, duration.TotalSeconds, observer.LastLag));
            var records = TopicRecords.Read(cluster.Ports.BrokerBootstrap, RunPlan.EventsTopic, high, TimeSpan.FromSeconds(120));
            var baseline = new OfflineBaseline(records, new SummaryOptions(SummaryVariant.LossyCounting, plan.System.Miner.Epsilon), Thresholds(plan));
            var models = observer.Models.All;
            ModelHistory.AddSimilarities(history, baseline, models);
            if (models.Count > 0)
            {
                var last = models[^1];
                finalJson = PrettyJson(last.Json);
                final = new FinalModel(last.Offsets, last.EventsProcessed, OfflineBaseline.Normalize(last.Json));
                baselineJson = baseline.NormalizedJsonAt(last.Offsets);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            error = "interrupted (Ctrl-C)";
            if (nemesis is not null)
                nemesis.RestartOnHalt = false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever failed (a timeout included), the run is recorded and the next one starts. The first line says what failed; the
            // process output it may carry is in logs/.
            error = e.Message.Split('\n')[0].TrimEnd(':') + " (see the run's logs/)";
        }
        finally
        {
            // Each step of the teardown runs even when an earlier one fails, so no fault or process is left behind.
            if (nemesis is not null)
            {
                error ??= await Safely(async () => await nemesis.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
                applied = nemesis.Applied;
            }
            if (observer is not null)
                error ??= await Safely(async () => await observer.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
            if (cluster is not null)
            {
                commands = cluster.Commands;
                error ??= await Safely(async () => await cluster.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
            }
            registry.KillAll();
        }

        var stillAlive = registry.StillAlive();
        var verdicts = error is null
            ? Checkers.All(new CheckInput(acknowledged, high, final, baselineJson, stillAlive))
            : [Checkers.Orphans(new CheckInput(0, [], null, null, stillAlive))];
        var hypothesis = plan.Experiment.Hypothesis;
        string? deviation = null;
        if (hypothesis is not null && error is null)
        {
            var (times, lags) = history.Series(MetricNames.Lag);
            var windows = applied.Where(a => a.AppliedStart is not null).ToList();
            deviation = abortReason is not null
                ? HypothesisCheck.NotChecked + "the run was aborted"
                : HypothesisCheck.Deviation(hypothesis, times, lags, workloadStart,
                    windows.Count == 0 ? null : windows.Min(a => a.AppliedStart!.Value),
                    windows.Count == 0 ? null : windows.Max(a => a.AppliedEnd ?? a.AppliedStart!.Value),
                    loadStopped);
        }
        return new RunRecord(plan.Run, workloadStart, Math.Max(observedEnd, workloadStart), history, applied, verdicts, finalJson, abortReason,
            hypothesis is not null, deviation, error, high.Sum(), commands);
    }

    private static TimeSpan Remaining(DateTimeOffset t0, TimeSpan duration)
    {
        var left = t0 + duration - DateTimeOffset.UtcNow;
        return left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
    }

    /// <summary>Waits for the generator to finish (SIGTERM on an abort) and returns the acknowledged total, exact from its closing summary when it printed one.</summary>
    private static async Task<long> StopGeneratorAsync(LocalCluster cluster, Observer observer, bool now)
    {
        var generator = cluster.Generator;
        if (generator is not null)
        {
            if (now)
            {
                await cluster.StopAsync(ServiceRole.Generator, TimeSpan.FromSeconds(40)).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    await generator.Exited.WaitAsync(TimeSpan.FromSeconds(45)).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    await cluster.StopAsync(ServiceRole.Generator, TimeSpan.FromSeconds(40)).ConfigureAwait(false);
                }
            }
            if (ProducedFromSummary(generator.Tail(5)) is { } produced)
                observer.SetAcknowledged(cluster.GeneratorIncarnation, produced);
            await cluster.StopAsync(ServiceRole.Generator, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        return (long)observer.Acknowledged;
    }

    /// <summary>The <c>produced</c> count of the generator's closing JSON summary line.</summary>
    public static long? ProducedFromSummary(string tail)
    {
        foreach (var line in tail.Split('\n').Reverse())
        {
            var text = line.Trim();
            if (!text.StartsWith('{'))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("produced", out var p) && p.TryGetInt64(out var n))
                    return n;
            }
            catch (JsonException)
            {
            }
        }
        return null;
    }

    /// <summary>Waits until the newest model reflects every record up to <paramref name="high"/>, up to the drain timeout.</summary>
    private async Task DrainAsync(Observer observer, long[] high, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + drainTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (observer.Models.Latest is { } model && Enumerable.Range(0, high.Length).All(p => model.Offsets.TryGetValue(p, out var o) && o >= high[p]))
                return;
            await Task.Delay(250, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one teardown step; a failure is kept as the run's error (the first one wins) instead of stopping the teardown.</summary>
    private static async Task<string?> Safely(Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "teardown: " + e.Message.Split('\n')[0];
        }
    }

    private static async Task<long[]> FinalHighWatermarksAsync(Observer observer, CancellationToken cancel)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return observer.HighWatermarksNow();
            }
            catch (Confluent.Kafka.KafkaException) when (attempt < 20)
            {
                await Task.Delay(500, cancel).ConfigureAwait(false);
            }
        }
    }

    private static async Task WaitForModelAsync(Observer observer, long[] high, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (observer.Models.Latest is { } m && Enumerable.Range(0, high.Length).All(p => m.Offsets.TryGetValue(p, out var o) && o >= high[p]))
                return;
            await Task.Delay(100, cancel).ConfigureAwait(false);
        }
    }

    internal static ModelThresholds Thresholds(RunPlan plan) =>
        new(plan.System.Miner.DependencyThreshold, plan.System.Miner.PositiveObservations, plan.System.Miner.AndThreshold);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    internal static string PrettyJson(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement, Indented);
    }

    private static double Now() => Unix(DateTimeOffset.UtcNow);

    private static double Unix(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;
}
