using System.CommandLine;
using System.CommandLine.Parsing;
using HeuristicsBench.EventLogs;

namespace ChaosRunner.Stress;

/// <summary>
/// <c>stress --threads N --percent P [--duration D]</c>: CPU pressure for chaos experiments. N threads each spin P ms of
/// every 100 ms and sleep the rest, until SIGTERM/SIGINT (exit 0) or the duration. Prints <c>ready</c> once they run.
/// </summary>
public static class StressCommand
{
    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = $"Busy threads, 1 to {StressSettings.MaxThreads}", Required = true };
        var percent = new Option<int>("--percent") { Description = "How busy each thread is: P ms of every 100 ms, 1 to 100", Required = true };
        var duration = new Option<string?>("--duration") { Description = "Stop after this long, e.g. 30s, 2m, 1h30m (default: until SIGTERM or Ctrl-C)" };
        threads.Validators.Add(r => RangeCheck(r, "--threads", r.GetValueOrDefault<int>(), 1, StressSettings.MaxThreads));
        percent.Validators.Add(r => RangeCheck(r, "--percent", r.GetValueOrDefault<int>(), 1, 100));
        duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && DurationProblem(text) is { } problem)
                r.AddError(problem);
        });

        var command = new Command("stress", "Burn CPU: N threads each busy P % of every 100 ms, until SIGTERM or Ctrl-C or --duration.")
        {
            threads, percent, duration,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new StressSettings(parse.GetValue(threads), parse.GetValue(percent),
                parse.GetValue(duration) is { } text ? ParseDuration(text) : null);
            using var shutdown = new HeuristicsBench.ServiceHost.ShutdownSignal();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
            return await StressCli.RunAsync(settings, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Why <paramref name="text"/> is not a usable --duration, or null.</summary>
    public static string? DurationProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!DurationSyntax.TryParse(text, allowDays: false, out var value))
            return $"--duration {text}: not a duration such as 500ms, 30s, 2m or 1h30m";
        if (value <= TimeSpan.Zero)
            return $"--duration {text}: must be longer than 0";
        if (value.TotalMilliseconds > int.MaxValue)
            return $"--duration {text}: at most {TimeSpan.FromMilliseconds(int.MaxValue).TotalDays:F0} days; leave it out to run until stopped";
        return null;
    }

    private static TimeSpan ParseDuration(string text) =>
        DurationSyntax.TryParse(text, allowDays: false, out var value) ? value : throw new FormatException($"--duration {text}: not a duration");

    private static void RangeCheck(OptionResult result, string name, int value, int min, int max)
    {
        if (value < min || value > max)
            result.AddError($"{name} {value}: must be between {min} and {max}");
    }
}
