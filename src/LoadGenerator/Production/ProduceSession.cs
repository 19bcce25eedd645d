using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams;
using HeuristicsBench.ServiceHost;
using HeuristicsBench.Workloads.Pacing;
using HeuristicsBench.Workloads.Streams;
using LoadGenerator.Generation;

namespace LoadGenerator.Production;

/// <summary>
/// One production run: the ground truth first (file, then topic, acknowledged before the first event), then the
/// event pipeline until --events or --duration is reached or <c>stop</c> fires; a stop takes no new events and waits
/// up to --drain-timeout for those in flight. If the run ends with another count than planned, the truth is written
/// and published again for the count acknowledged (the topic's latest record for the key is then exact).
/// </summary>
public sealed class ProduceSession(
    ProduceSettings settings, EventPlan plan, IProducer<byte[]?, byte[]?> producer, ProduceMetrics metrics, ServiceHealth health,
    AdjustableClock clock, ClientEvents client, TextWriter stderr)
{
    // Akka logs to standard output, which carries only the summary here; stream failures are reported by us.
    private static readonly Akka.Configuration.Config AkkaConfig = ConfigurationFactory.ParseString("""
        akka.loglevel = OFF
        akka.stdout-loglevel = OFF
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """);

    public async Task<(ProduceSummary Summary, int ExitCode)> RunAsync(CancellationToken stop)
    {
        health.SetLive(true, "producing");
        health.SetReady(false, "no acknowledgement yet");
        var tally = new ProduceTally(Stopwatch.GetTimestamp());
        var pacer = settings.Stream.Pace is { } shape ? new RateController(shape, clock) : null;
        var reporter = new ProduceReporter(tally, pacer, metrics, client, stderr, settings.Quiet, settings.MaxInFlight, settings.Events);
        using var reporting = new CancellationTokenSource();
        var reportLoop = reporter.RunAsync(reporting.Token);
        try
        {
            var result = await ProduceAsync(tally, pacer, reporter, stop).ConfigureAwait(false);
            health.SetLive(result.Summary.Status != ProduceStatus.Failed, result.Summary.Error ?? "finished");
            if (result.Summary.Error is { } error)
                stderr.WriteLine($"error: {error}");
            else if (!settings.Quiet)
                stderr.WriteLine(Closing(result.Summary));
            return result;
        }
        finally
        {
            await reporting.CancelAsync().ConfigureAwait(false);
            await reportLoop.ConfigureAwait(false);
        }
    }

    private async Task<(ProduceSummary Summary, int ExitCode)> ProduceAsync(ProduceTally tally, RateController? pacer, ProduceReporter reporter, CancellationToken stop)
    {
        var truth = plan.Schedule is { } schedule
            ? new TruthPublisher(schedule, settings.Stream.Seed, settings.GroundTruth, settings.TruthTopic, settings.Topic)
            : null;
        var planned = settings.Events ?? long.MaxValue;
        if (truth is not null)
        {
            try
            {
                var document = truth.Document(planned);
                truth.WriteFile(document);
                reporter.TruthPending = true;
                if (!await truth.PublishAsync(producer, document, stop).ConfigureAwait(false))
                    return (Summary(ProduceStatus.Stopped, tally.Freeze(), 0, null), ExitCodes.Success);
                if (truth.Topic is not null)
                    health.SetReady(true, "ground truth acknowledged");
            }
            catch (ProduceException<byte[]?, byte[]?> e)
            {
                metrics.DeliveryErrors.Inc();
                return (Summary(ProduceStatus.Failed, tally.Freeze(), 0, $"publishing the ground truth to {truth.Topic} failed: {e.Error.Reason} ({e.Error.Code}){Fatal()}"), ExitCodes.Failure);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (Summary(ProduceStatus.Failed, tally.Freeze(), 0, $"cannot write --ground-truth {settings.GroundTruth}: {e.Message}"), ExitCodes.Failure);
            }
            finally
            {
                reporter.TruthPending = false;
            }
        }
        else if (!settings.Quiet && settings.TruthTopic is not null)
        {
            stderr.WriteLine("note: a replayed log has no ground truth; nothing is published to the truth topic");
        }

        var (snapshot, elapsed, outcome) = await StreamAsync(tally, pacer, stop).ConfigureAwait(false);
        var (status, exitCode, error) = outcome;
        if (truth is not null && snapshot.Acked != planned)
            error = await RepublishTruthAsync(truth, snapshot.Acked, status, error).ConfigureAwait(false);
        return (Summary(status, snapshot, elapsed, error), error is not null && exitCode == ExitCodes.Success ? ExitCodes.Failure : exitCode);
    }

    private async Task<(ProduceSnapshot Snapshot, double Elapsed, (ProduceStatus, int, string?) Outcome)> StreamAsync(
        ProduceTally tally, RateController? pacer, CancellationToken stop)
    {
        using var system = ActorSystem.Create("load-generator", AkkaConfig);
        using var encoder = new EventMessageEncoder(settings.Topic, clock, tally);
        var started = Stopwatch.GetTimestamp();
        var (killSwitch, done) = ProductionPipeline.Run(plan.Events, pacer, encoder, producer, settings.MaxInFlight,
            result => Acknowledge(tally, result), system.Materializer());

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (settings.Duration is { } duration)
            stopping.CancelAfter(duration);
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stopping.Token.Register(() =>
        {
            killSwitch.Shutdown();
            stopRequested.TrySetResult();
        }).ConfigureAwait(false))
        {
            await Task.WhenAny(done, stopRequested.Task).ConfigureAwait(false);
            var drained = true;
            if (!done.IsCompleted)
            {
                if (!settings.Quiet)
                    stderr.WriteLine(Text($"{(stop.IsCancellationRequested ? "stopping" : "--duration reached")}: taking no new events; waiting up to {settings.DrainTimeout.TotalSeconds:F0} s for {tally.InFlight:N0} in flight"));
                drained = await Task.WhenAny(done, Task.Delay(settings.DrainTimeout, CancellationToken.None)).ConfigureAwait(false) == done;
            }
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var snapshot = tally.Freeze();
            await system.Terminate().ConfigureAwait(false);
            if (done.IsFaulted)
            {
                var failure = done.Exception!.InnerExceptions[0];
                if (failure is ProduceException<byte[]?, byte[]?> or KafkaException)
                    metrics.DeliveryErrors.Inc();
                return (snapshot, elapsed, (ProduceStatus.Failed, failure is StreamGenerationException ? ExitCodes.BadInput : ExitCodes.Failure, Describe(failure, snapshot)));
            }
            if (!drained)
                return (snapshot, elapsed, (ProduceStatus.Failed, ExitCodes.Failure,
                    Text($"stopped with {snapshot.Unconfirmed:N0} events unacknowledged after --drain-timeout {settings.DrainTimeout.TotalSeconds:F0} s (they may or may not be in the topic){Cause()}")));
            return (snapshot, elapsed, (stop.IsCancellationRequested ? ProduceStatus.Stopped : ProduceStatus.Completed, ExitCodes.Success, null));
        }
    }

    private void Acknowledge(ProduceTally tally, ProducerResult<SentEvent> result)
    {
        var now = Stopwatch.GetTimestamp();
        var delivery = result.Delivery;
        tally.OnAcknowledged(result.PassThrough.EventId, delivery.Partition.Value, delivery.Offset.Value, now);
        metrics.EventsProduced.Inc();
        metrics.DeliveryLatency.Observe(Stopwatch.GetElapsedTime(result.PassThrough.HandedAt, now).TotalSeconds);
        if (!health.Ready.Ok)
            health.SetReady(true, "events acknowledged");
    }

    /// <summary>Writes the truth for the count acknowledged and, unless the run failed, publishes it (bounded wait).</summary>
    private async Task<string?> RepublishTruthAsync(TruthPublisher truth, long acked, ProduceStatus status, string? error)
    {
        var document = truth.Document(acked);
        try
        {
            truth.WriteFile(document);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return error ?? $"cannot write --ground-truth {settings.GroundTruth}: {e.Message}";
        }
        if (status == ProduceStatus.Failed || truth.Topic is null)
            return error;
        using var timeout = new CancellationTokenSource(settings.DrainTimeout);
        try
        {
            if (await truth.PublishAsync(producer, document, timeout.Token).ConfigureAwait(false))
                return error;
            return Text($"the final ground truth ({acked:N0} events) was not acknowledged by {truth.Topic} within --drain-timeout{Cause()}");
        }
        catch (ProduceException<byte[]?, byte[]?> e)
        {
            metrics.DeliveryErrors.Inc();
            return $"publishing the final ground truth to {truth.Topic} failed: {e.Error.Reason} ({e.Error.Code}){Fatal()}";
        }
    }

    private string Describe(Exception failure, ProduceSnapshot snapshot) => failure switch
    {
        ProduceException<byte[]?, byte[]?> e => Text($"delivery to {(e.DeliveryResult is { Partition.Value: >= 0 } r ? $"{r.Topic} partition {r.Partition.Value}" : settings.Topic)} failed after {snapshot.Acked:N0} acknowledged events: {e.Error.Reason} ({e.Error.Code}){Fatal()}"),
        KafkaException e => Text($"the producer failed after {snapshot.Acked:N0} acknowledged events: {e.Error.Reason} ({e.Error.Code}){Fatal()}"),
        StreamGenerationException e => e.Message,
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };

    private string Fatal() => client.FatalError is { } fatal ? $"; librdkafka: {fatal}" : "";

    private string Cause() => client.LastError is { } error ? $"; last client error: {error}" : "";

    private ProduceSummary Summary(ProduceStatus status, ProduceSnapshot snapshot, double elapsed, string? error) =>
        new(status, settings.Topic, settings.Stream.Replay is null ? settings.TruthTopic : null, snapshot, settings.MaxInFlight, elapsed, error);

    private static string Closing(ProduceSummary s) => Text(
        $"{(s.Status == ProduceStatus.Stopped ? "stopped: " : "")}produced {s.Tally.Acked:N0} events to {s.Topic} ({s.Tally.Partitions.Count} partitions) in {s.ElapsedSeconds:F2} s ({(s.ElapsedSeconds > 0 ? s.Tally.Acked / s.ElapsedSeconds : 0):N0} events/s), peak {s.Tally.PeakInFlight:N0} in flight");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
