using System.Diagnostics;
using System.Globalization;
using HeuristicsBench.Workloads.Pacing;

namespace LoadGenerator.Production;

/// <summary>
/// Once a second: updates the gauges (in flight, target rate, behind schedule), and writes to standard error a
/// progress line every <see cref="ReportEvery"/> (unless quiet) and, whatever --quiet says, an outage warning at most
/// that often while acknowledgements have stopped or the in-flight bound holds pacing back, then one line when they
/// resume. Librdkafka's own connection errors are not printed one by one; the warning quotes the latest.
/// </summary>
public sealed class ProduceReporter(
    ProduceTally tally, RateController? pacer, ProduceMetrics metrics, ClientEvents client, TextWriter stderr, bool quiet,
    int maxInFlight, long? events)
{
    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    /// <summary>No acknowledgement for this long while something waits for one counts as a stall.</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(3);

    private long _lastProgressAt = Stopwatch.GetTimestamp();
    private long _lastProgressAcked;
    private long _lastWarningAt;
    private bool _warned;
    private volatile bool _truthPending;

    /// <summary>Set while the ground truth waits for its acknowledgement (it counts as in flight for the warning).</summary>
    public bool TruthPending
    {
        get => _truthPending;
        set => _truthPending = value;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
                Tick(Stopwatch.GetTimestamp());
        }
        catch (OperationCanceledException)
        {
        }
        UpdateGauges();
    }

    public void UpdateGauges()
    {
        metrics.InFlight.Set(tally.InFlight);
        metrics.TargetRate.Set(pacer?.TargetRate ?? 0);
        metrics.BehindSchedule.Set(pacer?.BehindSchedule.TotalSeconds ?? 0);
    }

    /// <summary>One report at <paramref name="now"/> (a Stopwatch timestamp); <see cref="RunAsync"/> calls it every second.</summary>
    public void Tick(long now)
    {
        UpdateGauges();
        var inFlight = tally.InFlight;
        var behind = pacer?.BehindSchedule ?? TimeSpan.Zero;
        var sinceAck = Stopwatch.GetElapsedTime(tally.LastAckAt, now);
        var waiting = inFlight > 0 || TruthPending;
        var stalled = waiting && sinceAck >= StallAfter;
        var heldBack = inFlight >= maxInFlight && behind >= TimeSpan.FromSeconds(1);
        if (stalled || heldBack)
        {
            if (!_warned || Stopwatch.GetElapsedTime(_lastWarningAt, now) >= ReportEvery)
            {
                Warn(inFlight, behind, stalled ? sinceAck : null);
                _lastWarningAt = now;
            }
            _warned = true;
        }
        else if (_warned)
        {
            stderr.WriteLine(Text($"recovered: acknowledgements flowing again; {inFlight:N0} in flight, {behind.TotalSeconds:F1} s behind schedule"));
            _warned = false;
        }

        if (quiet || Stopwatch.GetElapsedTime(_lastProgressAt, now) < ReportEvery)
            return;
        var acked = tally.Acked;
        var rate = (acked - _lastProgressAcked) / Stopwatch.GetElapsedTime(_lastProgressAt, now).TotalSeconds;
        var of = events is { } n && n > 0 ? Text($" of {n:N0} ({100.0 * acked / n:F0}%)") : "";
        var late = pacer is null ? "" : Text($", {behind.TotalSeconds:F1} s behind schedule");
        stderr.WriteLine(Text($"… {acked:N0}{of} events acknowledged, {rate:N0} events/s, {inFlight:N0} in flight{late}"));
        _lastProgressAt = now;
        _lastProgressAcked = acked;
    }

    private void Warn(long inFlight, TimeSpan behind, TimeSpan? stalledFor)
    {
        var what = (inFlight, TruthPending) switch
        {
            (0, true) => "the ground truth in flight",
            (_, true) => Text($"{inFlight:N0} events and the ground truth in flight"),
            _ => Text($"{inFlight:N0} events in flight"),
        };
        if (inFlight >= maxInFlight)
            what += Text($" (the --max-in-flight bound: pacing waits)");
        var stall = stalledFor is { } s ? Text($", none acknowledged for {s.TotalSeconds:F1} s") : "";
        var late = pacer is null ? "" : Text($", {behind.TotalSeconds:F1} s behind schedule");
        var cause = client.LastError is { } error ? $"; last client error: {error}" : "";
        var headline = stalledFor is null ? "falling behind: the broker acknowledges slower than the target rate;" : "broker unreachable?";
        stderr.WriteLine($"warning: {headline} {what}{stall}{late}{cause}");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
