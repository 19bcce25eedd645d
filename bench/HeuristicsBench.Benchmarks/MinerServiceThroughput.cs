using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using EmbeddedKafka.Groups;
using EmbeddedKafka.Server;
using HeuristicsBench.EventLogs;
using HeuristicsBench.ServiceHost;
using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Streams;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;
using HeuristicsMiner.Serving;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// The miner service alone: a topic pre-filled with N generated events (in-process broker), then the service
/// (in-process, real consumer, checkpoints in a directory) timed from start until its published model reflects them all.
/// </summary>
public static class MinerServiceThroughput
{
    public static async Task<int> RunAsync(long events, int partitions, int repeats, TextWriter output)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hb-bench-miner-" + Guid.NewGuid().ToString("N"));
        await using var broker = new KafkaBroker(new BrokerOptions
        {
            Listeners = [new ListenerOptions { Port = 0 }],
            DataDirectory = Path.Combine(dir, "broker"),
            Groups = new GroupCoordinatorOptions { InitialRebalanceDelayMs = 0 },
        });
        broker.Start();
        broker.Topics.Create("events", new EmbeddedKafka.Storage.TopicConfig { Partitions = partitions });
        var fill = Stopwatch.StartNew();
        using (var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers, EnableIdempotence = true, LingerMs = 20, BatchSize = 1_000_000,
        }).Build())
        {
            var generator = new EventStreamGenerator(ModelSchedule.Of(ModelCatalog.Load("assembly-line", 1)), new StreamSettings(1, 100));
            foreach (var e in generator.Generate(events))
            {
                var message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(e.CaseId), Value = StreamEventJson.ToUtf8(e with { EmittedAt = DateTimeOffset.UtcNow }) };
                while (true)
                {
                    try
                    {
                        producer.Produce("events", message);
                        break;
                    }
                    catch (ProduceException<byte[]?, byte[]?> x) when (x.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(10));
                    }
                }
            }
            producer.Flush(TimeSpan.FromMinutes(5));
        }
        output.WriteLine($"filled {events:N0} events into {partitions} partitions in {fill.Elapsed.TotalSeconds:F1} s");

        var rates = new List<double>();
        for (var run = 1; run <= repeats; run++)
        {
            var group = $"bench-{run}";
            var settings = new ServeSettings(broker.BootstrapServers, "events", "models", group, "events.dlq", "dir",
                new SummaryOptions(SummaryVariant.LossyCounting, 0.001), new ModelThresholds(0.9, 10, 0.1, 0.9, null),
                MinerTimings.Default, ModelPayload.Json, new HttpEndpointOptions("127.0.0.1:0"), ServeSettings.DefaultMaxEventBytes,
                "bench", new Dictionary<string, string>(), new Dictionary<string, string>(), Quiet: true);
            await using var store = new DirectoryCheckpointStore(Path.Combine(dir, "checkpoints"), group);
            using var stop = new CancellationTokenSource();
            ServiceEndpoint? endpoint = null;
            var clock = Stopwatch.StartNew();
            var service = MinerService.RunAsync(settings, store, _ => { }, stop.Token, e => endpoint = e);
            using var http = new HttpClient();
            double valid = 0;
            while (valid < events)
            {
                await Task.Delay(200);
                if (endpoint is null)
                    continue;
                var text = await http.GetStringAsync(endpoint.BaseAddress + "/metrics");
                var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("heuristics_miner_events_valid_total ", StringComparison.Ordinal));
                valid = line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
            var elapsed = clock.Elapsed;
            await stop.CancelAsync();
            await service;
            rates.Add(events / elapsed.TotalSeconds);
            output.WriteLine($"run {run}: {events:N0} events in {elapsed.TotalSeconds:F2} s = {events / elapsed.TotalSeconds:N0} events/s (incl. group join, ~0.2 s polling granularity)");
        }
        rates.Sort();
        output.WriteLine($"median {rates[rates.Count / 2]:N0} events/s");
        Directory.Delete(dir, recursive: true);
        return 0;
    }
}
