using System.CommandLine;
using HeuristicsBench.Cli;
using HeuristicsBench.ServiceHost;
using HeuristicsMiner.Checkpoints;
using HeuristicsMiner.Serving;

namespace HeuristicsMiner.Cli;

/// <summary>
/// <c>serve</c>: the streaming miner service. Every option's default but those of the client settings and
/// --relative-to-best can be set by an environment variable MINER_&lt;NAME&gt; (e.g. MINER_BOOTSTRAP, MINER_EPSILON),
/// for containers (see <see cref="OptionDefaults"/>).
/// </summary>
public static class ServeCommand
{
    public const string EnvironmentPrefix = "MINER_";

    /// <param name="environmentPrefix">Of the variables the defaults come from; tests give their own.</param>
    public static Command Create(string environmentPrefix = EnvironmentPrefix)
    {
        var defaults = OptionDefaults.FromEnvironment(environmentPrefix);
        var mining = new MiningOptions(defaults);
        var bootstrap = defaults.Set(new Option<string>("--bootstrap", "-b") { Description = "Kafka bootstrap servers HOST:PORT[,...]" }, "127.0.0.1:9092");
        var input = defaults.Set(new Option<string>("--input-topic") { Description = "Case-keyed event topic" }, "events");
        var models = defaults.Set(new Option<string>("--model-topic") { Description = "Topic the merged model is published to" }, "models");
        var group = defaults.Set(new Option<string>("--group", "-g") { Description = "Consumer group; checkpoints are per group" }, "heuristics-miner");
        var deadLetters = defaults.Set(new Option<string?>("--dead-letter-topic") { Description = "Topic for unusable input (default <input-topic>.dlq)" }, null);
        var store = defaults.Set(new Option<string>("--checkpoint-store") { Description = "kafka (topic <group>.checkpoints) or dir:PATH (PATH/<group>/)" }, "kafka");
        var checkpointEvents = defaults.Set(new Option<long>("--checkpoint-every-events") { Description = "Checkpoint a partition after this many of its records" }, MinerTimings.Default.CheckpointEveryEvents);
        var checkpointMs = defaults.Set(new Option<long>("--checkpoint-interval-ms") { Description = "... or after this long with new records" }, (long)MinerTimings.Default.CheckpointInterval.TotalMilliseconds);
        var publishEvents = defaults.Set(new Option<long>("--publish-every-events") { Description = "Publish the model after this many records (the paper: 100)" }, MinerTimings.Default.PublishEveryEvents);
        var publishMs = defaults.Set(new Option<long>("--publish-interval-ms") { Description = "... or after this long when it changed" }, (long)MinerTimings.Default.PublishInterval.TotalMilliseconds);
        var payload = defaults.Set(new Option<string>("--model-payload") { Description = "json (mine --format json fields + offsets) or paper-petri-net" }, "json");
        defaults.AcceptOnlyFromAmong(payload, "json", "paper-petri-net");
        var http = defaults.Set(new Option<string>("--http") { Description = "HOST:PORT of /metrics, /healthz, /readyz (0.0.0.0:9400 in containers; port 0 = any)" }, "127.0.0.1:9400");
        // MINER_CLOCK_CONTROL, not MINER_ENABLE_CLOCK_CONTROL: the name the chart and README have always used
        var clockControl = defaults.Set(new Option<bool>("--enable-clock-control") { Description = "Serve /control/clock (clock-skew chaos); off by default" }, false, name: "CLOCK_CONTROL");
        var maxBytes = defaults.Set(new Option<int>("--max-event-bytes") { Description = "Larger records go to the dead-letter topic" }, ServeSettings.DefaultMaxEventBytes);
        var instance = defaults.Set(new Option<string>("--instance") { Description = "This member's name: client id and model key <group>/<instance> (default host-pid)" }, $"{Environment.MachineName}-{Environment.ProcessId}");
        var consumerConfig = new Option<string[]>("--consumer-config") { Description = "Extra librdkafka consumer setting key=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var producerConfig = new Option<string[]>("--producer-config") { Description = "Extra librdkafka producer setting key=value (repeatable)" };

        defaults.Require(checkpointEvents, v => v >= 1, "must be at least 1");
        defaults.Require(checkpointMs, v => v >= 1, "must be at least 1");
        defaults.Require(publishEvents, v => v >= 1, "must be at least 1");
        defaults.Require(publishMs, v => v >= 1, "must be at least 1");
        defaults.Require(maxBytes, v => v >= 64, "must be at least 64");
        foreach (var option in new[] { consumerConfig, producerConfig })
        {
            var o = option;
            o.Validators.Add(r =>
            {
                foreach (var pair in r.GetValueOrDefault<string[]>() ?? [])
                {
                    if (pair.IndexOf('=', StringComparison.Ordinal) <= 0)
                        r.AddError($"{o.Name} '{pair}': expected key=value");
                }
            });
        }
        defaults.Require(store, text =>
        {
            try
            {
                CheckpointStoreSpec.Parse(text);
                return null;
            }
            catch (FormatException e)
            {
                return e.Message;
            }
        });
        defaults.Require(http, text =>
        {
            try
            {
                new HttpEndpointOptions(text).Parse();
                return null;
            }
            catch (FormatException e)
            {
                return $"--http: {e.Message}";
            }
        });

        var command = new Command("serve", "Run the streaming miner: consume a case-keyed topic, publish models, checkpoint state.")
        {
            bootstrap, input, models, group, deadLetters, store, checkpointEvents, checkpointMs, publishEvents, publishMs,
            payload, http, clockControl, maxBytes, instance, consumerConfig, producerConfig,
        };
        foreach (var option in mining.All)
            command.Options.Add(option);
        defaults.ReportProblems(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var inputTopic = parse.GetValue(input)!;
            var settings = new ServeSettings(
                parse.GetValue(bootstrap)!, inputTopic, parse.GetValue(models)!, parse.GetValue(group)!,
                parse.GetValue(deadLetters) ?? inputTopic + ".dlq", parse.GetValue(store)!,
                mining.Summary(parse), mining.Thresholds(parse),
                MinerTimings.Default with
                {
                    CheckpointEveryEvents = parse.GetValue(checkpointEvents),
                    CheckpointInterval = TimeSpan.FromMilliseconds(parse.GetValue(checkpointMs)),
                    PublishEveryEvents = parse.GetValue(publishEvents),
                    PublishInterval = TimeSpan.FromMilliseconds(parse.GetValue(publishMs)),
                },
                parse.GetValue(payload) == "paper-petri-net" ? ModelPayload.PaperPetriNet : ModelPayload.Json,
                new HttpEndpointOptions(parse.GetValue(http)!, parse.GetValue(clockControl)),
                parse.GetValue(maxBytes), parse.GetValue(instance)!,
                Pairs(parse.GetValue(consumerConfig)), Pairs(parse.GetValue(producerConfig)));
            return await ServeCli.RunAsync(settings, Console.Error).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>key=value pairs; a key given twice takes its last value, as librdkafka's own -X does.</summary>
    private static Dictionary<string, string> Pairs(string[]? pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var parts = pair.Split('=', 2);
            result[parts[0].Trim()] = parts[1].Trim();
        }
        return result;
    }
}
