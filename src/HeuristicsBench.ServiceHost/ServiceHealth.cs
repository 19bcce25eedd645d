namespace HeuristicsBench.ServiceHost;

/// <summary>
/// What <c>/healthz</c> (live: the process is doing its work) and <c>/readyz</c> (ready: it can serve now, e.g.
/// joined the group and restored its state) answer. Each state carries a one-line reason shown in the response.
/// </summary>
public sealed class ServiceHealth
{
    private volatile Status _live = new(true, "starting");
    private volatile Status _ready = new(false, "starting");

    public (bool Ok, string Reason) Live => (_live.Ok, _live.Reason);

    public (bool Ok, string Reason) Ready => (_ready.Ok, _ready.Reason);

    public void SetLive(bool ok, string reason) => _live = new Status(ok, reason);

    public void SetReady(bool ok, string reason) => _ready = new Status(ok, reason);

    private sealed record Status(bool Ok, string Reason);
}
