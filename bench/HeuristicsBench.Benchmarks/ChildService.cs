using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace HeuristicsBench.Benchmarks;

/// <summary>One of our CLIs (dll copied beside the benchmarks) as a child process, for the pipeline figures.</summary>
public sealed class ChildService : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private ChildService(Process process) => _process = process;

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public static ChildService Start(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Locate(dll));
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + dll);
        var child = new ChildService(process);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._lines.Enqueue(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._lines.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return child;
    }

    /// <summary>
    /// The CLI in its own build output (src/PROJECT/bin/CONFIG/net10.0), not the copy beside the benchmarks: each CLI's
    /// runtimeconfig and dependencies fit its own folder only (the broker's Microsoft.Extensions packages are pruned here).
    /// </summary>
    private static string Locate(string dll)
    {
        var project = dll switch
        {
            "heuristics-bench.dll" => "ChaosRunner",
            "heuristics-miner.dll" => "HeuristicsMiner",
            "load-generator.dll" => "LoadGenerator",
            _ => throw new ArgumentException($"unknown CLI {dll}", nameof(dll)),
        };
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HeuristicsBench.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("run the benchmarks from the repository (HeuristicsBench.sln not found above " + AppContext.BaseDirectory + ")");
        var path = Path.Combine(root.FullName, "src", project, "bin", configuration, output.Name, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution in {configuration} first", path);
    }

    /// <summary>Waits for a line containing <paramref name="marker"/> and returns the text after it up to a space.</summary>
    public async Task<string> WaitForAsync(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) is { } line)
                return line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Split(' ')[0];
            if (_process.HasExited)
                throw new InvalidOperationException($"the process exited:\n{Output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"no '{marker}' line:\n{Output}");
    }

    /// <summary>Sum of all samples of a metric (labelled or not) from /metrics; NaN when unreachable.</summary>
    public async Task<double> MetricAsync(string baseAddress, string name)
    {
        try
        {
            var text = await _http.GetStringAsync(baseAddress + "/metrics");
            return text.Split('\n')
                .Where(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal))
                .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException)
        {
            return double.NaN;
        }
        catch (TaskCanceledException)
        {
            return double.NaN;
        }
    }

    private bool _disposed;

    public void Kill()
    {
        if (_disposed)
            return;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        Kill();
        _disposed = true;
        _process.Dispose();
        _http.Dispose();
    }
}
