using System.Collections.Concurrent;

namespace EmbeddedKafka.Server;

/// <summary>
/// Client ids whose connections are closed on their next request: a way to make a client look dead to the
/// broker (as a killed process would) without touching the client.
/// </summary>
internal sealed class BlockedClients
{
    private readonly ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);

    public void Block(string clientId) => _blocked[clientId] = true;

    public void Unblock(string clientId) => _blocked.TryRemove(clientId, out _);

    public bool IsBlocked(string? clientId) => clientId is not null && _blocked.ContainsKey(clientId);
}
