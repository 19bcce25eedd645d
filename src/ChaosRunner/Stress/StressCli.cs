using System.Diagnostics;
using System.Globalization;

namespace ChaosRunner.Stress;

/// <summary>
/// <c>stress</c>: starts the threads, prints <c>ready</c> on standard output once they all run, and stops them when
/// <paramref name="stop"/> is cancelled (SIGTERM/SIGINT in the command) or the duration has passed. Exits 0 either way.
/// </summary>
public static class StressCli
{
    public static async Task<int> RunAsync(StressSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var cycle = new DutyCycle(settings.Percent, DutyCycle.DefaultPeriod);
        using var workers = new CancellationTokenSource();
        var started = new CountdownEvent(settings.Threads);
        var threads = new Thread[settings.Threads];
        for (int i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                started.Signal();
                cycle.Run(workers.Token);
            })
            {
                IsBackground = true,
                Name = string.Create(CultureInfo.InvariantCulture, $"stress-{i}"),
            };
            threads[i].Start();
        }

        using (started)
            started.Wait(CancellationToken.None);
        await stdout.WriteLineAsync("ready").ConfigureAwait(false);
        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        string reason;
        try
        {
            if (settings.Duration is { } duration)
            {
                // Task.Delay may wake a little early (timer granularity): wait until the duration has really passed
                TimeSpan left;
                while ((left = duration - clock.Elapsed) > TimeSpan.Zero)
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), stop).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stop).ConfigureAwait(false);
            }
            reason = "duration reached";
        }
        catch (OperationCanceledException)
        {
            reason = "stopped";
        }

        await workers.CancelAsync().ConfigureAwait(false);
        foreach (var thread in threads)
            thread.Join();
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"stress: {reason} after {clock.Elapsed.TotalSeconds:F1} s ({settings.Threads} threads at {settings.Percent} %)")).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
