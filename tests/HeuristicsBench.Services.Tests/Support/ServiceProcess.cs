using System.Collections.Concurrent;
using System.Diagnostics;

namespace HeuristicsBench.Services.Tests.Support;

/// <summary>
/// A service CLI (heuristics-miner.dll, load-generator.dll, copied beside the tests) as a real child process: its
/// standard error collected, its HTTP address learnt from the "http on ..." line; stopped with SIGTERM or SIGKILL.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentQueue<string> _stdout = new();

    private ServiceProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stderr => string.Join('\n', _stderr);

    public string Stdout => string.Join('\n', _stdout);

    public static ServiceProcess Start(string dll, params string[] arguments) => Start(dll, new Dictionary<string, string>(), arguments);

    public static ServiceProcess Start(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var service = new ServiceProcess(process);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service._stderr.Enqueue(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) service._stdout.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return service;
    }

    /// <summary>The base address from the "http on http://HOST:PORT" log line.</summary>
    public async Task<string> HttpAddressAsync()
    {
        string? address = null;
        await Eventually.True(() =>
        {
            Assert.False(_process.HasExited, $"the service exited early:\n{Stderr}");
            var line = _stderr.FirstOrDefault(l => l.Contains(" http on ", StringComparison.Ordinal));
            address = line?.Split(" http on ")[1].Split(' ')[0];
            return address is not null;
        }, "the service's http line");
        return address!;
    }

    public async Task<double> MetricAsync(string name)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(await HttpAddressAsync() + "/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>SIGKILL: no chance to checkpoint or leave the group.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then the exit code.</summary>
    public async Task<int> TerminateAsync(int seconds = 60)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async Task<int> ExitCodeAsync(int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
