using Microsoft.Extensions.Hosting;

namespace HeuristicsBench.FaultProxy;

/// <summary>
/// Host lifetime that leaves signals alone: the default ConsoleLifetime would take SIGTERM and Ctrl-C for itself,
/// while the proxy's owner (the CLI) decides when to stop.
/// </summary>
internal sealed class ApiLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
