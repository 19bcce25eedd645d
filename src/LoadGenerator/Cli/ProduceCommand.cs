using System.CommandLine.Parsing;
using System.CommandLine;
using System.Globalization;
using HeuristicsBench.Cli;
using HeuristicsBench.ServiceHost;
using HeuristicsBench.Workloads.Pacing;
using LoadGenerator.Production;

namespace LoadGenerator.Cli;

/// <summary>
/// <c>produce</c>: the generated (or replayed) stream to a Kafka topic, paced, with its ground truth. Every option's
/// default can come from an environment variable <c>LOADGEN_&lt;OPTION&gt;</c> (see <see cref="OptionDefaults"/>).
/// </summary>
public static class ProduceCommand
{
    public const string Name = "produce";

    public const string EnvironmentPrefix = "LOADGEN_";

    public static Command Create()
    {
        var defaults = OptionDefaults.FromEnvironment(EnvironmentPrefix);
        var bootstrap = defaults.Set(new Option<string>("--bootstrap", "-b") { Description = "Kafka bootstrap servers HOST:PORT[,HOST:PORT...]" }, "localhost:9092");
        var topic = defaults.Set(new Option<string>("--topic", "-t") { Description = "Topic for the events (key: case id)" }, "events");
        var truthTopic = defaults.Set(new Option<string?>("--truth-topic") { Description = "Topic for the ground truth, published before the first event with the events topic as key (default: <topic>.truth; - for none)" }, null);
        var events = defaults.Set(new Option<long?>("--events", "-n") { Description = "Stop after this many events (default: no limit)" }, null);
        var duration = defaults.Set(new Option<string?>("--duration") { Description = "Stop taking new events after this long, e.g. 60s, 5m (default: no limit)" }, null);
        var maxInFlight = defaults.Set(new Option<int>("--max-in-flight") { Description = "Most events handed to the producer and not yet acknowledged; beyond it pacing is back-pressured" }, DefaultMaxInFlight);
        var truthFile = defaults.Set(new Option<string?>("--ground-truth") { Description = "Also write the ground truth to this file (atomically)" }, null);
        var http = defaults.Set(new Option<string>("--http") { Description = "HOST:PORT for /metrics, /healthz and /readyz (port 0: any free port, printed on standard error)" }, "127.0.0.1:9401");
        var clockControl = defaults.Set(new Option<bool>("--enable-clock-control") { Description = "Serve /control/clock: PUT {\"offsetMs\":..,\"driftPpm\":..} skews the clock that stamps emittedAt" }, false);
        var drainTimeout = defaults.Set(new Option<string>("--drain-timeout") { Description = "On a stop, how long to wait for events in flight to be acknowledged" }, "30s");
        var clientId = defaults.Set(new Option<string>("--client-id") { Description = "Kafka client.id" }, "load-generator");
        var kafkaConfig = defaults.Set(new Option<string[]>("--kafka-config", "-X") { Description = "Extra librdkafka producer property NAME=VALUE, repeatable (e.g. linger.ms=20, compression.type=lz4)", AllowMultipleArgumentsPerToken = false }, []);
        var quiet = defaults.Set(new Option<bool>("--quiet", "-q") { Description = "No progress or closing statistics on standard error (warnings and errors still)" }, false);
        var verbose = defaults.Set(new Option<bool>("--verbose") { Description = "Copy librdkafka's log lines to standard error" }, false);
        var stream = new StreamOptions(defaults);

        bootstrap.Validators.Add(r => Check(r, BootstrapProblem(r.GetValueOrDefault<string>())));
        topic.Validators.Add(r => Check(r, TopicProblem("--topic", r.GetValueOrDefault<string>())));
        truthTopic.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } t and not "-")
                Check(r, TopicProblem("--truth-topic", t));
        });
        events.Validators.Add(r => { if (r.GetValueOrDefault<long?>() is < 0) r.AddError("--events must be >= 0"); });
        duration.Validators.Add(r => Check(r, DurationProblem("--duration", r.GetValueOrDefault<string?>())));
        drainTimeout.Validators.Add(r => Check(r, DurationProblem("--drain-timeout", r.GetValueOrDefault<string>())));
        maxInFlight.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > MaxMaxInFlight)
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--max-in-flight {r.GetValueOrDefault<int>()}: must be between 1 and {MaxMaxInFlight:N0}"));
        });
        http.Validators.Add(r =>
        {
            try
            {
                new HttpEndpointOptions(r.GetValueOrDefault<string>()).Parse();
            }
            catch (FormatException e)
            {
                r.AddError($"--http: {e.Message}");
            }
        });
        kafkaConfig.Validators.Add(r =>
        {
            foreach (var entry in r.GetValueOrDefault<string[]>())
                Check(r, KafkaPropertyProblem(entry));
        });

        var command = new Command(Name, "Produce the event stream to a Kafka topic (paced, idempotent, ground truth to a file and a topic, Prometheus metrics).")
        {
            bootstrap, topic, truthTopic, events, duration, maxInFlight, truthFile, http, clockControl, drainTimeout, clientId, kafkaConfig, quiet, verbose,
        };
        stream.AddTo(command);
        defaults.ReportProblems(command);
        command.SetAction(async (parse, cancellation) =>
        {
            Streams.StreamSpec spec;
            try
            {
                spec = stream.Read(parse);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return Generation.ExitCodes.BadInput;
            }
            var eventsTopic = parse.GetValue(topic)!;
            if (parse.GetValue(truthTopic) == eventsTopic)
            {
                // here, not in a command validator: option defaults (and so environment values) are not visible there
                await Console.Error.WriteLineAsync($"error: --truth-topic {eventsTopic}: must differ from --topic").ConfigureAwait(false);
                return Generation.ExitCodes.BadInput;
            }
            var settings = new ProduceSettings(
                spec,
                parse.GetValue(bootstrap)!,
                eventsTopic,
                parse.GetValue(truthTopic) switch { "-" => null, null => eventsTopic + ".truth", var t => t },
                parse.GetValue(events),
                parse.GetValue(duration) is { } d ? LoadShape.Time(d) : null,
                parse.GetValue(maxInFlight),
                parse.GetValue(truthFile),
                parse.GetValue(http)!,
                parse.GetValue(clockControl),
                LoadShape.Time(parse.GetValue(drainTimeout)!),
                KafkaProperties(parse.GetValue(kafkaConfig) ?? []),
                parse.GetValue(clientId)!,
                parse.GetValue(quiet),
                parse.GetValue(verbose));
            // SIGTERM/SIGINT: stop taking events, drain, exit 0. Program.cs keeps System.CommandLine's own handler
            // (which would end the process after a short grace period) out of this command; the token still serves
            // callers that invoke the command in-process.
            using var signal = new ShutdownSignal();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(signal.Token, cancellation);
            return await ProduceRunner.RunAsync(settings, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
        });
        return command;
    }

    public const int DefaultMaxInFlight = 100_000;

    public const int MaxMaxInFlight = 1_000_000;

    private static void Check(SymbolResult result, string? problem)
    {
        if (problem is not null)
            result.AddError(problem);
    }

    /// <summary>HOST:PORT[,HOST:PORT...]; IPv6 hosts in brackets.</summary>
    public static string? BootstrapProblem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "--bootstrap: empty; expected HOST:PORT[,HOST:PORT...]";
        foreach (var server in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = server.LastIndexOf(':');
            var host = colon > 0 ? server[..colon] : "";
            if (colon <= 0 || host.Contains(' ', StringComparison.Ordinal) || host.Trim('[', ']').Length == 0 ||
                !int.TryParse(server.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                return $"--bootstrap {text}: '{server}' is not HOST:PORT (port 1-65535)";
        }
        return null;
    }

    /// <summary>Kafka's rule: 1-249 characters of a-z A-Z 0-9 . _ -, and not "." or "..".</summary>
    public static string? TopicProblem(string option, string? name) =>
        name is null || name.Length is 0 or > 249 || name is "." or ".." || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? $"{option} '{name}': a Kafka topic name is 1-249 characters of a-z A-Z 0-9 . _ - (and not . or ..)"
            : null;

    private static string? DurationProblem(string option, string? text)
    {
        if (text is null)
            return null;
        try
        {
            return LoadShape.Time(text) > TimeSpan.Zero ? null : $"{option} {text}: must be longer than 0";
        }
        catch (FormatException e)
        {
            return $"{option}: {e.Message}";
        }
    }

    private static string? KafkaPropertyProblem(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            return $"--kafka-config '{entry}': expected NAME=VALUE";
        var name = entry[..equals].Trim();
        return ProducerFactory.Reserved.Contains(name)
            ? $"--kafka-config {name}: set by load-generator itself (the no-loss, no-duplicate guarantee or another option depends on it)"
            : null;
    }

    private static Dictionary<string, string> KafkaProperties(string[] entries) =>
        entries.Select(e => e.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
}
