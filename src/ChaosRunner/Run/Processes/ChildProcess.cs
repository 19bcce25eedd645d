using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ChaosRunner.Run.Processes;

/// <summary>
/// One child process of a run (broker, miner, generator, CPU stress): started with <c>dotnet DLL ARGS</c>, standard
/// output and error appended line by line to a log file (which survives restarts of the same role), the last lines
/// kept for markers and error messages. Registered with a <see cref="ProcessRegistry"/> so nothing outlives the runner.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StreamWriter _log;
    private readonly ProcessRegistry _registry;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private ChildProcess(string role, Process process, StreamWriter log, ProcessRegistry registry, string commandLine)
    {
        Role = role;
        _process = process;
        _log = log;
        _registry = registry;
        CommandLine = commandLine;
    }

    public string Role { get; }

    public string CommandLine { get; }

    public int Id => _process.Id;

    public bool HasExited => _exited.Task.IsCompleted;

    public int? ExitCode => HasExited ? _process.ExitCode : null;

    /// <summary>Completes when the process has exited and its output has been read.</summary>
    public Task Exited => _exited.Task;

    /// <summary>The last lines of output (standard output and error interleaved).</summary>
    public string Tail(int lines = 20) => string.Join('\n', _lines.TakeLast(lines));

    public static ChildProcess Start(string role, ServiceBinary binary, IReadOnlyList<string> arguments, string logFile, ProcessRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(binary);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(registry);
        var start = new ProcessStartInfo(binary.Host)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in binary.HostArguments)
            start.ArgumentList.Add(a);
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var commandLine = string.Join(' ', start.ArgumentList.Prepend(binary.Host).Select(Quote));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {DateTimeOffset.UtcNow:O} start {commandLine}"));
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(role, process, log, registry, commandLine);
        var streams = 2;
        void OnLine(string? line)
        {
            if (line is null)
            {
                if (Interlocked.Decrement(ref streams) == 0)
                    child.OnStreamsClosed();
                return;
            }
            child._lines.Enqueue(line);
            while (child._lines.Count > KeptLines && child._lines.TryDequeue(out _))
            {
            }
            lock (child._log)
            {
                if (child._disposed == 0)
                    child._log.WriteLine(line);
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try
        {
            if (!process.Start())
                throw new InvalidOperationException($"cannot start {role}: {commandLine}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.Dispose();
            process.Dispose();
            throw new InvalidOperationException($"cannot start {role} ({binary.Host}): {e.Message}", e);
        }
        registry.Add(child);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void OnStreamsClosed()
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await _process.WaitForExitAsync().ConfigureAwait(false);
                lock (_log)
                {
                    if (_disposed == 0)
                        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {DateTimeOffset.UtcNow:O} exited with code {_process.ExitCode}"));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // disposed meanwhile: Dispose has completed Exited already
            }
            _exited.TrySetResult();
        });
    }

    /// <summary>Waits for an output line containing <paramref name="marker"/>; fails when the process exits first.</summary>
    public async Task WaitForLineAsync(string marker, TimeSpan timeout, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_lines.Any(l => l.Contains(marker, StringComparison.Ordinal)))
        {
            if (HasExited)
                throw new InvalidOperationException($"{Role} exited with code {_process.ExitCode} before it was ready:\n{Tail()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Role} did not print '{marker}' within {timeout.TotalSeconds:0} s:\n{Tail()}");
            await Task.Delay(25, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL (the whole process tree), then waits for the exit.</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // exited meanwhile
            }
        }
        await Exited.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>SIGTERM, then SIGKILL when it has not exited after <paramref name="grace"/>. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            Signals.Terminate(_process.Id);
            try
            {
                await Exited.WaitAsync(grace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await KillAsync().ConfigureAwait(false);
            }
        }
        await Exited.ConfigureAwait(false);
        return _process.ExitCode;
    }

    private static string Quote(string arg) => arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        if (!_exited.Task.IsCompleted)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }
        }
        _registry.Remove(this);
        lock (_log)
            _log.Dispose();
        _exited.TrySetResult(); // the process is gone (or was killed just now); nobody waits on it forever
        _process.Dispose();
    }
}
