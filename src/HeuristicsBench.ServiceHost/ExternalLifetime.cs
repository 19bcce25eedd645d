using Microsoft.Extensions.Hosting;

namespace HeuristicsBench.ServiceHost;

/// <summary>
/// Host lifetime that leaves starting and stopping to whoever owns the <see cref="ServiceEndpoint"/>. The default
/// ConsoleLifetime registers its own SIGTERM/SIGINT handlers and marks every such signal handled, so a second signal
/// no longer ends the process (breaking <see cref="ShutdownSignal"/>'s promise), and fires ApplicationStopping on
/// its own schedule rather than the service's.
/// </summary>
internal sealed class ExternalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
