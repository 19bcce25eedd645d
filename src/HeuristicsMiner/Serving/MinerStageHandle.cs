namespace HeuristicsMiner.Serving;

/// <summary>Materialized value of <see cref="MinerStage"/>: ask it to stop (final checkpoints and model, then
/// complete) and await the outcome.</summary>
public sealed class MinerStageHandle
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource<MinerRunSummary> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _stop;
    private bool _stopRequested;

    /// <summary>Completes after the final checkpoints were stored (or failed: see the log), faults if the stage failed.</summary>
    public Task<MinerRunSummary> Completion => _completion.Task;

    /// <summary>Stops consuming, checkpoints every partition, publishes the final model, then completes. Idempotent.</summary>
    public void RequestStop()
    {
        Action? stop;
        lock (_gate)
        {
            _stopRequested = true;
            stop = _stop;
        }
        stop?.Invoke();
    }

    internal TaskCompletionSource<MinerRunSummary> Source => _completion;

    internal void Bind(Action stop)
    {
        bool now;
        lock (_gate)
        {
            _stop = stop;
            now = _stopRequested;
        }
        if (now)
            stop();
    }
}
