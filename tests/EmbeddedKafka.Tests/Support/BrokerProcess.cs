using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace EmbeddedKafka.Tests.Support;

/// <summary>
/// Runs <c>heuristics-bench broker --port 0 --data-dir DIR</c> (the real CLI, copied beside the tests) as a
/// child process, learns its port from the "listening" line, and can kill it with SIGKILL.
/// </summary>
public sealed class BrokerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private BrokerProcess(Process process, string bootstrap)
    {
        _process = process;
        BootstrapServers = bootstrap;
    }

    public string BootstrapServers { get; }

    public string Log => string.Join('\n', _log);

    public static async Task<BrokerProcess> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "heuristics-bench.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[dll, "broker", "--port", "0", "--data-dir", dataDirectory, "--group-min-session-timeout-ms", "1000", .. extraArguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the broker process");
        var log = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        string? bootstrap = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("listening PLAINTEXT ", StringComparison.Ordinal))
            {
                bootstrap = line.Split(' ')[4];
            }

            if (line == "ready")
            {
                break;
            }
        }

        if (bootstrap is null)
        {
            process.Kill();
            throw new InvalidOperationException("broker process did not start: " + string.Join('\n', log));
        }

        var broker = new BrokerProcess(process, bootstrap);
        foreach (string line in log)
        {
            broker._log.Enqueue(line);
        }

        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                broker._log.Enqueue(e.Data);
            }
        };
        _ = process.StandardOutput.ReadToEndAsync();
        return broker;
    }

    public int Port => int.Parse(BootstrapServers[(BootstrapServers.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>SIGKILL: no shutdown code runs in the broker.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then wait for the clean exit.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
