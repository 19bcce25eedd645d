using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using EmbeddedKafka.Groups;
using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;
using Microsoft.Extensions.Logging;

namespace ChaosRunner.Broker;

/// <summary>
/// <c>broker</c>: runs the embedded Kafka-protocol broker until SIGTERM or Ctrl-C. Prints one
/// <c>listening NAME BOUND_HOST:PORT advertised HOST:PORT</c> line per listener and then <c>ready</c> on
/// standard output (so a parent process knows the ports, also with --port 0); logs go to standard error.
/// </summary>
public static class BrokerCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port of the main listener (0 picks a free port)", DefaultValueFactory = _ => 9092 };
        var dataDir = new Option<string>("--data-dir") { Description = "Directory for logs, offsets and topic metadata", Required = true };
        var bind = new Option<string>("--bind") { Description = "Address the main listener binds (0.0.0.0 for every interface)", DefaultValueFactory = _ => "127.0.0.1" };
        var advertisedHost = new Option<string?>("--advertised-host") { Description = "Host the main listener advertises (default: the bound address)" };
        var advertisedPort = new Option<int?>("--advertised-port") { Description = "Port the main listener advertises (default: the bound port)" };
        var listeners = new Option<string[]>("--listener") { Description = "Extra listener BIND_HOST:PORT[@ADVERTISED_HOST:PORT], repeatable (e.g. behind a fault proxy)", AllowMultipleArgumentsPerToken = false };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of auto-created topics (num.partitions)", DefaultValueFactory = _ => 1 };
        var noAutoCreate = new Option<bool>("--no-auto-create") { Description = "Do not create unknown topics on Metadata or Produce" };
        var logAppendTime = new Option<bool>("--log-append-time") { Description = "New topics use LogAppendTime instead of CreateTime" };
        var messageMaxBytes = new Option<int>("--message-max-bytes") { Description = "Largest record batch accepted (message.max.bytes)", DefaultValueFactory = _ => 1048588 };
        var retentionMs = new Option<long>("--retention-ms") { Description = "Time retention of new topics, -1 = forever", DefaultValueFactory = _ => 7L * 24 * 3600 * 1000 };
        var retentionBytes = new Option<long>("--retention-bytes") { Description = "Size retention per partition of new topics, -1 = none", DefaultValueFactory = _ => -1 };
        var segmentBytes = new Option<int>("--segment-bytes") { Description = "Segment size of new topics", DefaultValueFactory = _ => 64 * 1024 * 1024 };
        var flush = new Option<bool>("--flush") { Description = "fsync every append and offset commit before acknowledging (survives machine crashes)" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics on http://HOST:PORT/metrics (HOST: --metrics-host)" };
        var metricsHost = new Option<string>("--metrics-host") { Description = "Host the metrics endpoint listens on: 127.0.0.1, or + for every interface (in a pod, so Prometheus can scrape it)", DefaultValueFactory = _ => "127.0.0.1" };
        var initialDelay = new Option<int>("--group-initial-rebalance-delay-ms") { Description = "Wait for more members before a new group's first generation", DefaultValueFactory = _ => 3000 };
        var minSession = new Option<int>("--group-min-session-timeout-ms") { Description = "Smallest session timeout accepted from consumers", DefaultValueFactory = _ => 6000 };
        var verbose = new Option<bool>("--verbose") { Description = "Log debug messages too" };

        var command = new Command("broker", "Run the embedded Kafka-protocol broker (single node) until SIGTERM or Ctrl-C.")
        {
            port, dataDir, bind, advertisedHost, advertisedPort, listeners, partitions, noAutoCreate, logAppendTime,
            messageMaxBytes, retentionMs, retentionBytes, segmentBytes, flush, metricsPort, metricsHost, initialDelay, minSession, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            List<ListenerOptions> all;
            try
            {
                string bindText = parse.GetValue(bind)!;
                all =
                [
                    new ListenerOptions
                    {
                        Name = "PLAINTEXT",
                        BindAddress = ListenerSpec.Address(bindText, "--bind"),
                        Port = parse.GetValue(port),
                        AdvertisedHost = parse.GetValue(advertisedHost),
                        AdvertisedPort = parse.GetValue(advertisedPort),
                    },
                ];
                var extra = parse.GetValue(listeners) ?? [];
                for (int i = 0; i < extra.Length; i++)
                {
                    all.Add(ListenerSpec.Parse(extra[i], "LISTENER" + (i + 2).ToString(CultureInfo.InvariantCulture)));
                }
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            var options = new BrokerOptions
            {
                Listeners = all,
                DataDirectory = Path.GetFullPath(parse.GetValue(dataDir)!),
                DefaultPartitions = parse.GetValue(partitions),
                AutoCreateTopics = !parse.GetValue(noAutoCreate),
                DefaultTimestampType = parse.GetValue(logAppendTime) ? TimestampType.LogAppendTime : TimestampType.CreateTime,
                MessageMaxBytes = parse.GetValue(messageMaxBytes),
                RetentionMs = parse.GetValue(retentionMs),
                RetentionBytes = parse.GetValue(retentionBytes),
                SegmentBytes = parse.GetValue(segmentBytes),
                FlushOnAppend = parse.GetValue(flush),
                MetricsPort = parse.GetValue(metricsPort),
                MetricsHost = parse.GetValue(metricsHost)!,
                Groups = new GroupCoordinatorOptions
                {
                    InitialRebalanceDelayMs = parse.GetValue(initialDelay),
                    MinSessionTimeoutMs = parse.GetValue(minSession),
                },
            };
            return await RunAsync(options, parse.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(BrokerOptions options, LogLevel level, CancellationToken cancellationToken)
    {
        using var loggerFactory = new StderrLoggerFactory(level);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var registration = cancellationToken.Register(() => stop.TrySetResult());
        var broker = new KafkaBroker(options, loggerFactory);
        await using (broker.ConfigureAwait(false))
        {
            broker.Start();
            foreach (var listener in broker.Listeners)
            {
                Console.Out.WriteLine($"listening {listener.Name} {listener.LocalEndPoint} advertised {listener.Advertised}");
            }

            Console.Out.WriteLine("ready");
            Console.Out.Flush();
            await stop.Task.ConfigureAwait(false);
            loggerFactory.CreateLogger("broker").LogInformation("Stopping on signal");
        }

        return 0;
    }
}
