using System.Collections.Concurrent;
using System.Diagnostics;

namespace HeuristicsBench.Prometheus.Tests.Support;

/// <summary>
/// A child process whose standard output and error are collected line by line (so its pipes never fill), waited on
/// for a line, and killed with its whole tree on dispose unless it has exited.
/// </summary>
public sealed class LiveProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private LiveProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output, as collected so far.</summary>
    public ConcurrentQueue<string> Stdout { get; } = new();

    public static LiveProcess Start(string name, string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var live = new LiveProcess(name, process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            live.Stdout.Enqueue(e.Data);
            live._lines.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                live._lines.Enqueue(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return live;
    }

    /// <summary>A .NET CLI of this repository's build, run by the dotnet host that runs the tests.</summary>
    public static LiveProcess StartDotnet(string name, string dll, IEnumerable<string> arguments) =>
        Start(name, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [dll, .. arguments]);

    /// <summary>The first line (standard output or error) that <paramref name="match"/> accepts; fails naming the
    /// process and showing its last lines when it exits or <paramref name="seconds"/> pass first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, double seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var line = _lines.FirstOrDefault(match);
            if (line is not null)
                return line;
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before {what}:\n{Tail()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name}: no {what} within {seconds} s:\n{Tail()}");
            await Task.Delay(100);
        }
    }

    public async Task<int> WaitForExitAsync(double seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} still running after {seconds} s:\n{Tail()}");
        }
        return _process.ExitCode;
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int count = 20) => string.Join('\n', _lines.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // exited between the check and the kill
        }
        _process.Dispose();
    }
}
