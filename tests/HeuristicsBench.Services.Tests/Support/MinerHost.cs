using HeuristicsBench.ServiceHost;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;
using HeuristicsMiner.Serving;

namespace HeuristicsBench.Services.Tests.Support;

/// <summary>A miner service running in this process (its own actor system, consumer, producer and HTTP port).</summary>
public sealed class MinerHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<ServiceEndpoint> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _log = [];

    private MinerHost(ServeSettings settings, ICheckpointStore store)
    {
        Settings = settings;
        Run = Task.Run(() => MinerService.RunAsync(settings, store, Log, _stop.Token, e => _endpoint.TrySetResult(e)));
    }

    public ServeSettings Settings { get; }

    public Task<int> Run { get; }

    public IReadOnlyList<string> LogLines { get { lock (_log) return [.. _log]; } }

    public static readonly SummaryOptions Summary = new(SummaryVariant.LossyCounting, 0.002);
    public static readonly ModelThresholds Thresholds = new(0.9, 10, 0.1, 0.9, null);

    public static ServeSettings SettingsFor(string bootstrap, string input, string group, string instance, int maxEventBytes = ServeSettings.DefaultMaxEventBytes) =>
        new(bootstrap, input, input + ".models", group, input + ".dlq", "memory", Summary, Thresholds,
            new MinerTimings(500, TimeSpan.FromMilliseconds(200), 1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20)),
            ModelPayload.Json, new HttpEndpointOptions("127.0.0.1:0", ClockControl: true), maxEventBytes, instance,
            new Dictionary<string, string>
            {
                ["session.timeout.ms"] = "3000",
                ["heartbeat.interval.ms"] = "300",
                ["fetch.wait.max.ms"] = "50",
                ["topic.metadata.refresh.interval.ms"] = "1000",
            },
            new Dictionary<string, string>(),
            Quiet: true);

    public static MinerHost Start(ServeSettings settings, ICheckpointStore store) => new(settings, store);

    public async Task<string> BaseAddressAsync() => (await _endpoint.Task.WaitAsync(TimeSpan.FromSeconds(30))).BaseAddress;

    public async Task<string> MetricsAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(await BaseAddressAsync() + "/metrics");
    }

    /// <summary>The value of an unlabelled metric line, or of the first line starting with <paramref name="prefix"/>.</summary>
    public async Task<double> MetricAsync(string prefix)
    {
        var line = (await MetricsAsync()).Split('\n').FirstOrDefault(l => l.StartsWith(prefix + " ", StringComparison.Ordinal) || l.StartsWith(prefix + "{", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private void Log(string line)
    {
        lock (_log)
            _log.Add(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
            await StopAsync();
        _stop.Dispose();
    }
}
