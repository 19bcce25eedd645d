using System.Collections.Immutable;

namespace HeuristicsBench.FaultProxy;

/// <summary>
/// The toxics of one proxy, in the order they were added. Readers take a snapshot per chunk without locking;
/// <see cref="Changed"/> completes on every change so a connection holding data (timeout toxic) can look again.
/// </summary>
internal sealed class ToxicSet
{
    private readonly Lock _gate = new();
    private ImmutableList<ToxicSpec> _toxics = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ImmutableList<ToxicSpec> Snapshot => Volatile.Read(ref _toxics);

    /// <summary>A task that completes at the next change after it was read.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
                return _changed.Task;
        }
    }

    public ToxicSpec? Find(string name) => Snapshot.Find(t => t.Name == name);

    public void Add(ToxicSpec toxic)
    {
        lock (_gate)
        {
            if (_toxics.Exists(t => t.Name == toxic.Name))
                throw new FaultProxyException(FaultProxyErrorKind.Conflict, "toxic already exists");
            Publish(_toxics.Add(toxic));
        }
    }

    public ToxicSpec Update(string name, Func<ToxicSpec, ToxicSpec> change)
    {
        lock (_gate)
        {
            int index = _toxics.FindIndex(t => t.Name == name);
            if (index < 0)
                throw new FaultProxyException(FaultProxyErrorKind.NotFound, "toxic not found");
            var updated = change(_toxics[index]);
            Publish(_toxics.SetItem(index, updated));
            return updated;
        }
    }

    public void Remove(string name)
    {
        lock (_gate)
        {
            int index = _toxics.FindIndex(t => t.Name == name);
            if (index < 0)
                throw new FaultProxyException(FaultProxyErrorKind.NotFound, "toxic not found");
            Publish(_toxics.RemoveAt(index));
        }
    }

    public void Clear()
    {
        lock (_gate)
            Publish([]);
    }

    private void Publish(ImmutableList<ToxicSpec> toxics)
    {
        Volatile.Write(ref _toxics, toxics);
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
