using System.Runtime.InteropServices;

namespace HeuristicsBench.ServiceHost;

/// <summary>
/// Turns the first SIGTERM or SIGINT (Ctrl-C) into a cancellation so the service can stop consuming, save its
/// state and exit 0; a second signal is left to the runtime's default (immediate exit). That holds only while
/// nothing else in the process marks the signal handled — ASP.NET's ConsoleLifetime would, which is why
/// <see cref="ServiceEndpoint"/> does not use it.
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

    /// <summary>What a signal does: the first cancels <see cref="Token"/> and is marked handled; later ones are not.</summary>
    internal void Handle(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _received, 1) != 0)
            return;
        Signal = context.Signal;
        context.Cancel = true;
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the signal raced Dispose (handlers run on their own thread): nobody is waiting on the token any more
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }
}
