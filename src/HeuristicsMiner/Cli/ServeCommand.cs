using System.CommandLine;
using HeuristicsBench.ServiceHost;
using HeuristicsMiner.Checkpoints;
using HeuristicsMiner.Serving;

namespace HeuristicsMiner.Cli;

/// <summary>
/// <c>serve</c>: the streaming miner service. Every option's default can be set by an environment variable
/// MINER_&lt;NAME&gt; (e.g. MINER_BOOTSTRAP, MINER_EPSILON), for containers.
/// </summary>
public static class ServeCommand
{
    public const string EnvironmentPrefix = "MINER_";

    public static Command Create()
    {
        var env = new EnvironmentDefaults(EnvironmentPrefix);
        var mining = new MiningOptions(EnvironmentPrefix);
        var bootstrap = new Option<string>("--bootstrap", "-b") { Description = "Kafka bootstrap servers HOST:PORT[,...] [MINER_BOOTSTRAP]", DefaultValueFactory = env.Text("BOOTSTRAP", "127.0.0.1:9092") };
        var input = new Option<string>("--input-topic") { Description = "Case-keyed event topic [MINER_INPUT_TOPIC]", DefaultValueFactory = env.Text("INPUT_TOPIC", "events") };
        var models = new Option<string>("--model-topic") { Description = "Topic the merged model is published to [MINER_MODEL_TOPIC]", DefaultValueFactory = env.Text("MODEL_TOPIC", "models") };
        var group = new Option<string>("--group", "-g") { Description = "Consumer group; checkpoints are per group [MINER_GROUP]", DefaultValueFactory = env.Text("GROUP", "heuristics-miner") };
        var deadLetters = new Option<string?>("--dead-letter-topic") { Description = "Topic for unusable input (default <input-topic>.dlq) [MINER_DEAD_LETTER_TOPIC]", DefaultValueFactory = r => env.Text("DEAD_LETTER_TOPIC", "")(r) is { Length: > 0 } t ? t : null };
        var store = new Option<string>("--checkpoint-store") { Description = "kafka (topic <group>.checkpoints) or dir:PATH (PATH/<group>/) [MINER_CHECKPOINT_STORE]", DefaultValueFactory = env.Text("CHECKPOINT_STORE", "kafka") };
        var checkpointEvents = new Option<long>("--checkpoint-every-events") { Description = "Checkpoint a partition after this many of its records [MINER_CHECKPOINT_EVERY_EVENTS]", DefaultValueFactory = env.LongCount("CHECKPOINT_EVERY_EVENTS", MinerTimings.Default.CheckpointEveryEvents) };
        var checkpointMs = new Option<long>("--checkpoint-interval-ms") { Description = "... or after this long with new records [MINER_CHECKPOINT_INTERVAL_MS]", DefaultValueFactory = env.LongCount("CHECKPOINT_INTERVAL_MS", (long)MinerTimings.Default.CheckpointInterval.TotalMilliseconds) };
        var publishEvents = new Option<long>("--publish-every-events") { Description = "Publish the model after this many records (the paper: 100) [MINER_PUBLISH_EVERY_EVENTS]", DefaultValueFactory = env.LongCount("PUBLISH_EVERY_EVENTS", MinerTimings.Default.PublishEveryEvents) };
        var publishMs = new Option<long>("--publish-interval-ms") { Description = "... or after this long when it changed [MINER_PUBLISH_INTERVAL_MS]", DefaultValueFactory = env.LongCount("PUBLISH_INTERVAL_MS", (long)MinerTimings.Default.PublishInterval.TotalMilliseconds) };
        var payload = new Option<string>("--model-payload") { Description = "json (mine --format json fields + offsets) or paper-petri-net [MINER_MODEL_PAYLOAD]", DefaultValueFactory = env.Text("MODEL_PAYLOAD", "json") };
        payload.AcceptOnlyFromAmong("json", "paper-petri-net");
        MiningOptions.AddChoiceCheck(payload, ["json", "paper-petri-net"]);
        var http = new Option<string>("--http") { Description = "HOST:PORT of /metrics, /healthz, /readyz (0.0.0.0:9400 in containers; port 0 = any) [MINER_HTTP]", DefaultValueFactory = env.Text("HTTP", "127.0.0.1:9400") };
        var clockControl = new Option<bool>("--enable-clock-control") { Description = "Serve /control/clock (clock-skew chaos); off by default [MINER_CLOCK_CONTROL]", DefaultValueFactory = env.Flag("CLOCK_CONTROL") };
        var maxBytes = new Option<int>("--max-event-bytes") { Description = "Larger records go to the dead-letter topic [MINER_MAX_EVENT_BYTES]", DefaultValueFactory = env.Count("MAX_EVENT_BYTES", ServeSettings.DefaultMaxEventBytes) };
        var instance = new Option<string>("--instance") { Description = "This member's name: client id and model key <group>/<instance> (default host-pid) [MINER_INSTANCE]", DefaultValueFactory = env.Text("INSTANCE", $"{Environment.MachineName}-{Environment.ProcessId}") };
        var consumerConfig = new Option<string[]>("--consumer-config") { Description = "Extra librdkafka consumer setting key=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var producerConfig = new Option<string[]>("--producer-config") { Description = "Extra librdkafka producer setting key=value (repeatable)" };

        MiningOptions.AddRangeCheck(checkpointEvents, v => v >= 1, "must be at least 1");
        MiningOptions.AddRangeCheck(checkpointMs, v => v >= 1, "must be at least 1");
        MiningOptions.AddRangeCheck(publishEvents, v => v >= 1, "must be at least 1");
        MiningOptions.AddRangeCheck(publishMs, v => v >= 1, "must be at least 1");
        MiningOptions.AddRangeCheck(maxBytes, v => v >= 64, "must be at least 64");
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
        store.Validators.Add(r =>
        {
            try
            {
                CheckpointStoreSpec.Parse(r.GetValueOrDefault<string>());
            }
            catch (FormatException e)
            {
                r.AddError(e.Message);
            }
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

        var command = new Command("serve", "Run the streaming miner: consume a case-keyed topic, publish models, checkpoint state.")
        {
            bootstrap, input, models, group, deadLetters, store, checkpointEvents, checkpointMs, publishEvents, publishMs,
            payload, http, clockControl, maxBytes, instance, consumerConfig, producerConfig,
        };
        foreach (var option in mining.All)
            command.Options.Add(option);
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
