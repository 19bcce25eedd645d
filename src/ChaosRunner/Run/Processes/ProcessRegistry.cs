namespace ChaosRunner.Run.Processes;

/// <summary>
/// Every child process the runner started and has not disposed, and every process it ever started (for the
/// no-orphan check: pid plus its start time in /proc, so a pid reused by another process is not taken for ours).
/// <see cref="KillAll"/> is the last line of defence on Ctrl-C and on exit.
/// </summary>
public sealed class ProcessRegistry
{
    private readonly List<ChildProcess> _live = [];
    private readonly List<(string Role, int Pid, string? StartTime)> _started = [];

    public void Add(ChildProcess child)
    {
        ArgumentNullException.ThrowIfNull(child);
        lock (_live)
        {
            _live.Add(child);
            _started.Add((child.Role, child.Id, Signals.StartTime(child.Id)));
        }
    }

    public void Remove(ChildProcess child)
    {
        lock (_live)
            _live.Remove(child);
    }

    /// <summary>Started processes still alive (not exited, not zombies, and still the process we started).</summary>
    public IReadOnlyList<(string Role, int Pid)> StillAlive()
    {
        List<(string Role, int Pid, string? StartTime)> started;
        lock (_live)
            started = [.. _started];
        return [.. started.Where(p => Signals.IsAlive(p.Pid) && (p.StartTime is null || Signals.StartTime(p.Pid) == p.StartTime)).Select(p => (p.Role, p.Pid))];
    }

    public void KillAll()
    {
        ChildProcess[] live;
        lock (_live)
            live = [.. _live];
        foreach (var child in live)
            child.Dispose();
    }
}
