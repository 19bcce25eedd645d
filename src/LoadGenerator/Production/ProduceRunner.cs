using Confluent.Kafka;
using HeuristicsBench.EventLogs;
using HeuristicsBench.ServiceHost;
using LoadGenerator.Generation;
using LoadGenerator.Streams;

namespace LoadGenerator.Production;

/// <summary>
/// Runs <c>produce</c>: checks the inputs (bad ones are one error line and exit code 2, before anything connects),
/// builds the producer and the HTTP endpoint, lets a <see cref="ProduceSession"/> produce, and prints its summary as
/// the last line on standard output. Exit 0: completed, or stopped by a signal with everything acknowledged; 1: a
/// delivery failed or a stop could not drain in time; 2: bad input.
/// </summary>
public static class ProduceRunner
{
    public static async Task<int> RunAsync(ProduceSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr = TextWriter.Synchronized(stderr);
        if (settings.GroundTruth is { } truthFile)
        {
            if (settings.Stream.Replay is not null)
                return Fail(stderr, "--ground-truth: a replayed log has no known model, so there is no ground truth to write");
            if (OutputTarget.Problem(truthFile) is { } problem)
                return Fail(stderr, $"--ground-truth {problem}");
        }
        EventPlan plan;
        try
        {
            plan = EventPlan.Create(settings.Stream, settings.Events);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or EventLogFormatException)
        {
            return Fail(stderr, e.Message);
        }

        var metrics = new ProduceMetrics();
        var health = new ServiceHealth();
        var clock = new AdjustableClock();
        var client = new ClientEvents();
        IProducer<byte[]?, byte[]?> producer;
        try
        {
            producer = ProducerFactory.Build(ProducerFactory.Config(settings), client, metrics, health, stderr, settings.Verbose);
        }
        catch (Exception e) when (e is ArgumentException or KafkaException or InvalidOperationException)
        {
            return Fail(stderr, $"--kafka-config: the producer refused its configuration: {FirstLine(e.Message)}");
        }
        using (producer)
        {
            ServiceEndpoint endpoint;
            try
            {
                endpoint = await ServiceEndpoint.StartAsync(new HttpEndpointOptions(settings.Http, settings.ClockControl), metrics.Registry, health, clock, cancellation: stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                return Fail(stderr, $"--http {settings.Http}: {FirstLine(e.Message)}");
            }
            await using (endpoint.ConfigureAwait(false))
            {
                if (!settings.Quiet)
                    stderr.WriteLine($"http: {endpoint.BaseAddress} (/metrics /healthz /readyz{(settings.ClockControl ? " /control/clock" : "")})");
                var session = new ProduceSession(settings, plan, producer, metrics, health, clock, client, stderr);
                var (summary, exitCode) = await session.RunAsync(stop).ConfigureAwait(false);
                stdout.WriteLine(summary.ToJson());
                stdout.Flush();
                return exitCode;
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
