using ChaosRunner.Run.Local;
using Confluent.Kafka;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.History;
using HeuristicsBench.Workloads.Fidelity;
using HeuristicsBench.Workloads.Models;
using HeuristicsMiner.Algorithm.Export;

namespace ChaosRunner.Run.Measurement;

/// <summary>
/// The runner's measurements, once a second, into the run's <see cref="RunHistory"/> (metric names in
/// <see cref="MetricNames"/>): lag from the broker's offsets, throughput from the growth of high watermarks and of the
/// newest model's offsets, latency and LC entries from the miner's /metrics, acknowledgements from the generator's,
/// fidelity of the newest model against the ground truth. Watches the abort conditions.
/// </summary>
public sealed class Observer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromMilliseconds(800);
    private readonly LocalCluster _cluster;
    private readonly BrokerOffsets _offsets;
    private readonly ModelWatcher _models;
    private readonly IProcessModel _truth;
    private readonly Func<int> _activeFaults;
    private readonly AbortWatch _abort;
    private readonly Action<string> _onAbort;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMilliseconds(700) };
    private readonly Dictionary<int, double> _ackedByIncarnation = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly int _partitions;
    private Task? _loop;
    private long[]? _lastHighWatermarks;
    private double _lastTime;
    private long _lastModelEvents = -1;
    private double? _lastFidelity;
    private double _lastModelSum = -1;
    private IReadOnlyList<(double UpperBound, double Count)>? _lastLatencyBuckets;

    public Observer(LocalCluster cluster, int partitions, IProcessModel truth, Func<int> activeFaults, IReadOnlyList<AbortCondition> abort, Action<string> onAbort)
    {
        _cluster = cluster;
        _partitions = partitions;
        _truth = truth;
        _activeFaults = activeFaults;
        _abort = new AbortWatch(abort);
        _onAbort = onAbort;
        _offsets = new BrokerOffsets(cluster.Ports.BrokerBootstrap, RunPlan.EventsTopic, partitions, RunPlan.MinerGroup);
        _models = new ModelWatcher(cluster.Ports.BrokerBootstrap, RunPlan.ModelTopic);
    }

    public RunHistory History { get; } = new();

    public ModelWatcher Models => _models;

    /// <summary>The newest total lag measured (events), null before the first sample.</summary>
    public double? LastLag { get; private set; }

    /// <summary>Events acknowledged to the generator, summed over its incarnations (last scrape of each).</summary>
    public double Acknowledged
    {
        get
        {
            lock (_ackedByIncarnation)
                return _ackedByIncarnation.Values.Sum();
        }
    }

    /// <summary>Replaces an incarnation's acknowledged count with an exact figure (its closing summary).</summary>
    public void SetAcknowledged(int incarnation, double value)
    {
        lock (_ackedByIncarnation)
            _ackedByIncarnation[incarnation] = value;
    }

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var next = DateTime.UtcNow;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await SampleAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // one missed sample (broker down, a service restarting, an unreadable scrape) leaves a gap in the
                // history; sampling and the abort watch go on
            }
            next += Interval;
            var wait = next - DateTime.UtcNow;
            if (wait < TimeSpan.Zero)
            {
                next = DateTime.UtcNow;
                wait = TimeSpan.Zero;
            }
            try
            {
                await Task.Delay(wait, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Takes one sample now (also used for the final sample after the run).</summary>
    public async Task SampleAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        History.Add(MetricNames.FaultsActive, now, _activeFaults());
        await ScrapeGeneratorAsync().ConfigureAwait(false);
        History.Add(MetricNames.EventsAcknowledged, now, Acknowledged);
        await ScrapeMinerAsync(now).ConfigureAwait(false);

        var model = _models.Latest;
        if (model is not null)
        {
            History.Add(MetricNames.EventsProcessed, now, model.EventsProcessed);
            RecordFidelity(now, model);
        }

        long[] high;
        long[] committed;
        now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0; // lag is stamped when it is asked, after the scrapes
        try
        {
            high = _offsets.HighWatermarks(BrokerTimeout);
            committed = _offsets.Committed(BrokerTimeout);
        }
        catch (KafkaException)
        {
            return;
        }
        double lag = 0;
        for (var p = 0; p < _partitions; p++)
        {
            var partitionLag = Math.Max(0, high[p] - committed[p]);
            History.Add(MetricNames.LagPartition(p), now, partitionLag);
            lag += partitionLag;
        }
        History.Add(MetricNames.Lag, now, lag);
        LastLag = lag;
        if (model is not null)
        {
            double behind = 0;
            double sum = 0;
            for (var p = 0; p < _partitions; p++)
            {
                var at = model.Offsets.TryGetValue(p, out var o) ? o : 0;
                behind += Math.Max(0, high[p] - at);
                sum += at;
            }
            History.Add(MetricNames.ModelLag, now, behind);
            if (_lastModelSum >= 0 && now > _lastTime)
                History.Add(MetricNames.ThroughputOut, now, Math.Max(0, sum - _lastModelSum) / (now - _lastTime));
            _lastModelSum = sum;
        }
        if (_lastHighWatermarks is not null && now > _lastTime)
            History.Add(MetricNames.ThroughputIn, now, Math.Max(0, high.Sum() - _lastHighWatermarks.Sum()) / (now - _lastTime));
        _lastHighWatermarks = high;
        _lastTime = now;
        CheckAbort(now, lag);
    }

    private void RecordFidelity(double now, ObservedModel model)
    {
        if (model.EventsProcessed == _lastModelEvents)
        {
            // unchanged model: repeat the last value so the series has one sample per second
            if (_lastFidelity is { } last)
                History.Add(MetricNames.FidelityF1, now, last);
            return;
        }
        try
        {
            var mined = ModelJsonReader.Read(model.Json);
            _lastFidelity = ArcFidelity.Of(mined.Net, _truth.TruthAt(model.EventsProcessed)).F1;
            History.Add(MetricNames.FidelityF1, now, _lastFidelity.Value);
            _lastModelEvents = model.EventsProcessed;
        }
        catch (FormatException)
        {
        }
    }

    private async Task ScrapeMinerAsync(double now)
    {
        if (_cluster.Miner is null)
            return;
        string text;
        try
        {
            text = await _http.GetStringAsync(_cluster.HttpBase(ServiceRole.Miner) + "/metrics").ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return;
        }
        var metrics = PrometheusText.Parse(text);
        if (metrics.Sum("heuristics_miner_lc_entries") is { } entries)
            History.Add(MetricNames.LcEntries, now, entries);
        var buckets = metrics.Buckets("heuristics_miner_end_to_end_latency_seconds");
        if (buckets.Count > 0)
        {
            var delta = HistogramQuantile.Delta(_lastLatencyBuckets, buckets);
            _lastLatencyBuckets = buckets;
            foreach (var (q, name) in new[] { (0.5, MetricNames.LatencyP50), (0.95, MetricNames.LatencyP95), (0.99, MetricNames.LatencyP99) })
            {
                if (HistogramQuantile.Of(delta, q) is { } seconds)
                    History.Add(name, now, seconds * 1000);
            }
        }
    }

    private async Task ScrapeGeneratorAsync()
    {
        if (_cluster.Generator is not { HasExited: false })
            return;
        var incarnation = _cluster.GeneratorIncarnation;
        try
        {
            var text = await _http.GetStringAsync(_cluster.HttpBase(ServiceRole.Generator) + "/metrics").ConfigureAwait(false);
            if (PrometheusText.Parse(text).Sum("loadgen_events_produced_total") is { } produced)
            {
                lock (_ackedByIncarnation)
                    _ackedByIncarnation[incarnation] = Math.Max(_ackedByIncarnation.GetValueOrDefault(incarnation), produced);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
        }
    }

    private void CheckAbort(double now, double lag)
    {
        if (_abort.Observe(now, lag) is { } reason)
            _onAbort(reason);
    }

    /// <summary>High watermarks now (throws while the broker is down).</summary>
    public long[] HighWatermarksNow() => _offsets.HighWatermarks(TimeSpan.FromSeconds(3));

    /// <summary>Stops the once-a-second loop; <see cref="SampleAsync"/> can still be called.</summary>
    public async Task StopSamplingAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
            await _loop.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopSamplingAsync().ConfigureAwait(false);
        _models.Dispose();
        _offsets.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
