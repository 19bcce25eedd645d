using System.Runtime.InteropServices;

namespace ChaosRunner.Run;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM become a cancellation: the runner halts the faults, stops its child processes and
/// keeps the results of the runs already finished. A second signal is left to the default handling (exit now).
/// </summary>
public sealed class ShutdownRequest : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    public ShutdownRequest()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cancel.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) == 1)
        {
            context.Cancel = true;
            Console.Error.WriteLine("stopping: removing every fault and stopping the child processes (signal again to exit at once)");
            _cancel.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
            r.Dispose();
        _cancel.Dispose();
    }
}
