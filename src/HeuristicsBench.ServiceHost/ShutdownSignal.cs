using System.Runtime.InteropServices;

namespace HeuristicsBench.ServiceHost;

/// <summary>
/// Turns the first SIGTERM or SIGINT (Ctrl-C) into a cancellation so the service can stop consuming, save its
/// state and exit 0; a second signal is left to the runtime's default (immediate exit).
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
        ];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>The signal received first, if any.</summary>
    public PosixSignal? Signal { get; private set; }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _received, 1) != 0)
            return;
        Signal = context.Signal;
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }
}
