namespace ChaosRunner.Run.Processes;

/// <summary>
/// Every child process the runner started and has not disposed, and every pid it ever started (for the
/// no-orphan check). <see cref="KillAll"/> is the last line of defence on Ctrl-C and on exit.
/// </summary>
public sealed class ProcessRegistry
{
    private readonly List<ChildProcess> _live = [];
    private readonly List<(string Role, int Pid)> _started = [];

    public void Add(ChildProcess child)
    {
        ArgumentNullException.ThrowIfNull(child);
        lock (_live)
        {
            _live.Add(child);
            _started.Add((child.Role, child.Id));
        }
    }

    public void Remove(ChildProcess child)
    {
        lock (_live)
            _live.Remove(child);
    }

    /// <summary>(role, pid) of every process started so far, restarts included.</summary>
    public IReadOnlyList<(string Role, int Pid)> Started
    {
        get
        {
            lock (_live)
                return [.. _started];
        }
    }

    /// <summary>Started processes still alive (not exited, not zombies).</summary>
    public IReadOnlyList<(string Role, int Pid)> StillAlive() => Started.Where(p => Signals.IsAlive(p.Pid)).ToList();

    public void KillAll()
    {
        ChildProcess[] live;
        lock (_live)
            live = [.. _live];
        foreach (var child in live)
            child.Dispose();
    }
}
