using System.Diagnostics;

namespace HeuristicsBench.ServiceHost.Tests.Support;

/// <summary>
/// The SignalProbe program as a child process: the target for real signals, which must never go to the test host.
/// Waits carry a limit only as a hang guard; nothing asserts on how long a step took.
/// </summary>
internal sealed class SignalProbeProcess : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private SignalProbeProcess(Process process) => _process = process;

    public static SignalProbeProcess Start()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "HeuristicsBench.ServiceHost.SignalProbe"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return new SignalProbeProcess(Process.Start(start) ?? throw new InvalidOperationException("the signal probe did not start"));
    }

    public int ExitCode => _process.ExitCode;

    public void Signal(int signal) => PosixKill.Send(_process.Id, signal);

    /// <summary>Closes stdin: the probe's "state is saved, exit now".</summary>
    public void Finish() => _process.StandardInput.Close();

    public async Task<string> ReadLineAsync()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(HangGuard);
        return await _process.StandardOutput.ReadLineAsync(guard.Token)
            ?? throw new InvalidOperationException("the signal probe closed its output");
    }

    /// <summary>Waits for exit (within the hang guard) and returns what it printed meanwhile; false if it did not exit.</summary>
    public async Task<(bool Exited, string Output)> WaitForExitAsync()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(HangGuard);
        try
        {
            var output = await _process.StandardOutput.ReadToEndAsync(guard.Token);
            await _process.WaitForExitAsync(guard.Token);
            return (true, output);
        }
        catch (OperationCanceledException)
        {
            return (false, "");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
