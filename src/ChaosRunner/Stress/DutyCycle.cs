using System.Diagnostics;

namespace ChaosRunner.Stress;

/// <summary>
/// Keeps one thread busy for <see cref="Percent"/> % of every <see cref="Period"/>: it spins for <see cref="Busy"/>
/// from the start of a period and sleeps the rest. Periods are anchored to the first one, so a short overrun does not
/// stretch the cycle; after a long stall (the thread was descheduled past a whole period) the schedule restarts from now.
/// </summary>
public sealed class DutyCycle
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMilliseconds(100);

    public DutyCycle(int percent, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Percent = percent;
        Period = period;
        Busy = TimeSpan.FromTicks(period.Ticks * percent / 100);
        Idle = period - Busy;
    }

    public int Percent { get; }

    public TimeSpan Period { get; }

    /// <summary>Spinning time per period.</summary>
    public TimeSpan Busy { get; }

    /// <summary>Sleeping time per period (zero at 100 %).</summary>
    public TimeSpan Idle { get; }

    /// <summary>Runs the cycle on the calling thread until <paramref name="stop"/> is cancelled; returns within a few ms of that.</summary>
    public void Run(CancellationToken stop)
    {
        long periodTicks = (long)(Period.TotalSeconds * Stopwatch.Frequency);
        long periodStart = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            while (Stopwatch.GetElapsedTime(periodStart) < Busy)
            {
                if (stop.IsCancellationRequested)
                    return;
                Thread.SpinWait(50);
            }

            var rest = Period - Stopwatch.GetElapsedTime(periodStart);
            if (rest > TimeSpan.Zero && stop.WaitHandle.WaitOne(rest))
                return;
            periodStart += periodTicks;
            if (Stopwatch.GetTimestamp() - periodStart > periodTicks)
                periodStart = Stopwatch.GetTimestamp();
        }
    }
}
