using System.Globalization;
using Akka.Streams.Stage;
using Confluent.Kafka;
using HeuristicsBench.KafkaStreams;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Serving;

/// <summary>
/// Logic of <see cref="MinerStage"/>. All state is touched on the stage only; store and broker completions come
/// back through async callbacks.
/// <list type="bullet">
/// <item>Assigned: load the partitions' checkpoints (nothing is pulled meanwhile), restore, seek each partition to its
/// checkpointed offset (or the beginning without one), then pull on. A record below a partition's next offset is a
/// re-delivery and is skipped, so each record is reflected exactly once whatever the consumer re-delivers.</item>
/// <item>Record: count it (or dead-letter it); checkpoint the partition after K records; publish after K' records.</item>
/// <item>Checkpoint: snapshot + next offset taken synchronously (a consistent pair), stored asynchronously (one in
/// flight per partition); the offset is committed only after the store acknowledged it.</item>
/// <item>Revoked: final checkpoint, then the state is dropped. Lost: dropped at once (another member owns it).</item>
/// <item>Stop: no more pulls; final model; final checkpoint of every partition; complete once all are stored.</item>
/// </list>
/// </summary>
internal sealed class MinerStageLogic : TimerGraphStageLogic
{
    private const string TickTimer = "tick";
    private const string RestoreRetryTimer = "restore-retry";
    private const string StopDeadlineTimer = "stop-deadline";

    private readonly MinerStage _stage;
    private readonly MinerStageContext _c;
    private readonly MinerStageHandle _handle;
    private readonly Dictionary<PartitionState, int> _saving = [];
    private readonly HashSet<PartitionState> _saveAgain = [];
    private Action<(IReadOnlyList<TopicPartition> Partitions, Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> Load, long Started)>? _restored;
    private Action<(PartitionState State, long Offset, long Started, Exception? Error)>? _saved;
    private IReadOnlyList<TopicPartition>? _restoring;
    private int _restoreAttempt;
    private int _pendingSaves;
    private bool _stopping;
    private bool _modelDirty;
    private bool _rebalancing;
    private bool _finalCheckpointsFailed;
    private long _sincePublish;
    private long _lastPublish;
    private long _consumed, _valid, _invalid, _reflected, _emissions, _checkpoints;

    public MinerStageLogic(MinerStage stage, MinerStageContext context, MinerStageHandle handle)
        : base(stage.Shape)
    {
        _stage = stage;
        _c = context;
        _handle = handle;
        SetHandler(stage.In, onPush: OnPush, onUpstreamFinish: BeginStop, onUpstreamFailure: Fail);
    }

    private PartitionedMiner Miner => _c.Miner;

    public override void PreStart()
    {
        _restored = GetAsyncCallback<(IReadOnlyList<TopicPartition>, Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>>, long)>(OnRestored);
        _saved = GetAsyncCallback<(PartitionState, long, long, Exception?)>(OnSaved);
        var stop = GetAsyncCallback(BeginStop);
        _handle.Bind(stop);
        _lastPublish = _c.Clock.GetTimestamp();
        ScheduleRepeatedly(TickTimer, _c.Timings.Tick);
        _c.Health.SetReady(false, "waiting for a partition assignment from the group");
        Pull(_stage.In);
    }

    public override void PostStop()
    {
        _handle.Source.TrySetException(new InvalidOperationException("the miner stage stopped before finishing (stream torn down)"));
    }

    private void OnPush()
    {
        var element = Grab(_stage.In);
        try
        {
            Handle(element);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail(new InvalidOperationException($"the miner failed on {Describe(element)}: {e.GetType().Name}: {e.Message}", e));
        }
    }

    private static string Describe(KafkaConsumerEvent element) => element switch
    {
        KafkaRecord r => $"the record at {r.Topic}-{r.Partition} offset {r.Offset}",
        _ => element.GetType().Name,
    };

    private void Handle(KafkaConsumerEvent element)
    {
        if (_stopping)
        {
            // Pulled before the stop: not counted, so the final checkpoints match the final model.
            if (element is PartitionsRevoked r)
                Revoke(r.Partitions.Select(p => p.TopicPartition));
            return;
        }
        switch (element)
        {
            case KafkaRecord record:
                OnRecord(record);
                Pull(_stage.In);
                break;
            case PartitionsAssigned assigned:
                StartRestore(assigned.Partitions);
                break;
            case PartitionsRevoked revoked:
                Revoke(revoked.Partitions.Select(p => p.TopicPartition));
                Pull(_stage.In);
                break;
            case PartitionsLost lost:
                _rebalancing |= lost.Partitions.Count > 0;
                foreach (var tp in lost.Partitions)
                    Forget(Id(tp.TopicPartition), "lost (another member owns it now; not checkpointed)");
                Pull(_stage.In);
                break;
            default:
                Pull(_stage.In);
                break;
        }
    }

    private void OnRecord(KafkaRecord record)
    {
        var partition = new PartitionId(record.Topic, record.Partition);
        var result = Miner.Process(partition, record.Offset, record.Value);
        _consumed++;
        switch (result.Outcome)
        {
            case RecordOutcome.AlreadyReflected:
                _reflected++;
                return;
            case RecordOutcome.Invalid:
                _invalid++;
                _c.Metrics.Invalid.WithLabels(result.Kind.ToString().ToLowerInvariant()).Inc();
                _c.Output.DeadLetter(record, result.Reason ?? "invalid");
                break;
            default:
                _valid++;
                if (result.EmittedAt is { } emitted)
                {
                    var latency = _c.Clock.GetUtcNow() - emitted;
                    if (latency >= TimeSpan.Zero)
                        _c.Metrics.Latency.Observe(latency.TotalSeconds);
                    else
                        _c.Metrics.NegativeLatency.Inc();
                }
                break;
        }
        _modelDirty = true;
        var state = Miner.Partitions[partition];
        if (state.SinceCheckpoint >= _c.Timings.CheckpointEveryEvents)
            Checkpoint(state);
        if (++_sincePublish >= _c.Timings.PublishEveryEvents)
            Publish();
    }

    /// <summary>Moves the per-record counts into the Prometheus counters (on every tick and before completing):
    /// cheaper than two interlocked increments per record.</summary>
    private void FlushCounters()
    {
        _c.Metrics.Consumed.IncTo(_consumed);
        _c.Metrics.Valid.IncTo(_valid);
        _c.Metrics.AlreadyReflected.IncTo(_reflected);
    }

    private void StartRestore(IReadOnlyList<TopicPartition> partitions)
    {
        _restoring = partitions;
        _restoreAttempt++;
        _c.Health.SetReady(false, $"restoring {partitions.Count} partition(s) from {_c.Store.Description}");
        var started = _c.Clock.GetTimestamp();
        var ids = partitions.Select(Id).ToList();
        var callback = _restored!;
        Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> load;
        try
        {
            load = _c.Store.LoadAsync(ids);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            load = Task.FromException<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>>(e);
        }
        load.ContinueWith(t => callback((partitions, t, started)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnRestored((IReadOnlyList<TopicPartition> Partitions, Task<IReadOnlyDictionary<PartitionId, PartitionCheckpoint>> Load, long Started) r)
    {
        if (r.Load.IsFaulted || r.Load.IsCanceled)
        {
            var why = r.Load.Exception?.GetBaseException().Message ?? "cancelled";
            if (_stopping)
            {
                _restoring = null;
                FinishIfDone();
                return;
            }
            if (_restoreAttempt >= _c.RestoreAttempts)
            {
                Fail(new IOException($"could not load checkpoints from {_c.Store.Description} after {_restoreAttempt} attempts: {why}", r.Load.Exception?.GetBaseException()));
                return;
            }
            _c.Log($"loading checkpoints from {_c.Store.Description} failed (attempt {_restoreAttempt}/{_c.RestoreAttempts}): {why}; retrying");
            ScheduleOnce(RestoreRetryTimer, TimeSpan.FromSeconds(_restoreAttempt));
            return;
        }
        _restoring = null;
        _restoreAttempt = 0;
        if (_stopping)
        {
            FinishIfDone();
            return;
        }
        var control = _c.Control();
        var lines = new List<string>();
        foreach (var tp in r.Partitions)
        {
            var id = Id(tp);
            var checkpoint = r.Load.Result.GetValueOrDefault(id);
            PartitionState state;
            try
            {
                state = Miner.Assign(id, checkpoint);
            }
            catch (Exception e) when (e is CheckpointMismatchException or InvalidDataException)
            {
                Fail(e);
                return;
            }
            state.CheckpointTakenAt = _c.Clock.GetTimestamp();
            var position = checkpoint is null ? Offset.Beginning : new Offset(checkpoint.NextOffset);
            _ = control.SeekAsync(new TopicPartitionOffset(tp, position)).ContinueWith(
                t => _c.Log($"seek of {id} to {position} failed: {t.Exception?.GetBaseException().Message}"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            UpdatePartitionGauges(state);
            lines.Add(checkpoint is null ? $"{id} (no checkpoint: from the beginning)" : $"{id} (checkpoint @ {checkpoint.NextOffset}, {state.Summary.EventsProcessed} events)");
        }
        var elapsed = _c.Clock.GetElapsedTime(r.Started);
        _c.Metrics.RestoreDuration.Observe(elapsed.TotalSeconds);
        _c.Metrics.AssignedPartitions.Set(Miner.Partitions.Count);
        if (lines.Count > 0)
            _c.Log($"assigned {string.Join(", ", lines)} in {elapsed.TotalMilliseconds:F0} ms");
        _modelDirty = true;
        _rebalancing = false;
        _c.Health.SetReady(true, $"consuming {Miner.Partitions.Count} partition(s)");
        Pull(_stage.In);
    }

    /// <summary>Final checkpoint, then the state is dropped. Its save completes for a state that is gone, so it is
    /// not committed (the group has moved on; a late commit could overwrite the new owner's).</summary>
    private void Revoke(IEnumerable<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            var id = Id(tp);
            _rebalancing = true;
            if (Miner.Partitions.TryGetValue(id, out var state) && state.NextOffset != state.SavedOffset)
                Checkpoint(state, final: true);
            Forget(id, "revoked (final checkpoint taken)");
        }
    }

    private void Forget(PartitionId id, string why)
    {
        if (!Miner.Drop(id))
            return;
        var labels = new[] { id.Topic, id.Partition.ToString(CultureInfo.InvariantCulture) };
        _c.Metrics.Position.RemoveLabelled(labels);
        _c.Metrics.Lag.RemoveLabelled(labels);
        _c.Metrics.PartitionEvents.RemoveLabelled(labels);
        _c.Metrics.AssignedPartitions.Set(Miner.Partitions.Count);
        _modelDirty = true;
        _c.Log($"{id} {why}");
    }

    /// <summary>
    /// Snapshots the partition now and stores it in the background. One save per partition is in flight normally (a
    /// request meanwhile is remembered and taken when it completes); <paramref name="final"/> saves (revoke, stop)
    /// go out at once — the store keeps the highest offset, and commits never go backwards.
    /// </summary>
    private void Checkpoint(PartitionState state, bool final = false)
    {
        if (_saving.ContainsKey(state) && !final)
        {
            _saveAgain.Add(state);
            return;
        }
        var checkpoint = Miner.TakeCheckpoint(state.Partition);
        state.CheckpointTakenAt = _c.Clock.GetTimestamp();
        _saving[state] = _saving.GetValueOrDefault(state) + 1;
        _pendingSaves++;
        var started = _c.Clock.GetTimestamp();
        var callback = _saved!;
        Task save;
        try
        {
            save = _c.Store.SaveAsync(checkpoint);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            save = Task.FromException(e);
        }
        save.ContinueWith(t => callback((state, checkpoint.NextOffset, started, t.Exception?.GetBaseException() ?? (t.IsCanceled ? new OperationCanceledException() : null))),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnSaved((PartitionState State, long Offset, long Started, Exception? Error) s)
    {
        _pendingSaves--;
        var state = s.State;
        if (_saving.TryGetValue(state, out var inFlight) && inFlight > 1)
            _saving[state] = inFlight - 1;
        else
            _saving.Remove(state);
        // Still the same assignment? A save of a revoked (or revoked and re-assigned) partition must not touch the new state.
        var current = Miner.Partitions.TryGetValue(state.Partition, out var owner) && ReferenceEquals(owner, state);
        if (s.Error is { } error)
        {
            _c.Metrics.CheckpointFailures.Inc();
            if (_stopping)
            {
                _finalCheckpointsFailed = true;
                _c.Log($"final checkpoint of {state.Partition} @ {s.Offset} to {_c.Store.Description} failed: {error.Message}");
            }
            else
            {
                _c.Log($"checkpoint of {state.Partition} @ {s.Offset} to {_c.Store.Description} failed: {error.Message}" + (current ? "; retrying at the next interval" : ""));
                if (current)
                    state.CheckpointedOffset = state.SavedOffset;
            }
        }
        else
        {
            _checkpoints++;
            _c.Metrics.Checkpoints.Inc();
            _c.Metrics.CheckpointDuration.Observe(_c.Clock.GetElapsedTime(s.Started).TotalSeconds);
            if (current)
            {
                if (s.Offset > state.SavedOffset)
                    state.SavedOffset = s.Offset;
                if (s.Offset > state.CommittedOffset)
                {
                    state.CommittedOffset = s.Offset;
                    Commit(state.Partition, s.Offset);
                }
            }
        }
        if (_saveAgain.Remove(state) && current && !_stopping)
            Checkpoint(state);
        FinishIfDone();
    }

    private void Commit(PartitionId id, long offset)
    {
        Task commit;
        try
        {
            commit = _c.Control().CommitAsync([new TopicPartitionOffset(id.Topic, id.Partition, offset)]);
        }
        catch (InvalidOperationException)
        {
            return; // the consumer is already stopping: the checkpoint is what counts
        }
        // A commit after a rebalance fails; harmless, the checkpoint is the truth and commits only serve lag tools.
        _ = commit.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private void Publish()
    {
        var (model, offsets) = Miner.BuildModel();
        var body = ModelMessageWriter.Write(model, offsets, _c.Payload, _c.Group, _c.Instance, _c.Clock.GetUtcNow());
        _c.Output.PublishModel(body, offsets);
        _emissions++;
        _c.Metrics.Emissions.Inc();
        var counts = model.Counts;
        _c.Metrics.ModelEvents.Set(counts.EventsProcessed);
        _c.Metrics.Entries.WithLabels("activities").Set(counts.Activities.Count);
        _c.Metrics.Entries.WithLabels("relations").Set(counts.Relations.Count);
        _c.Metrics.Entries.WithLabels("cases").Set(counts.Cases);
        _c.Metrics.Entries.WithLabels("loop_patterns").Set(counts.LoopPatterns.Count);
        _c.Metrics.Entries.WithLabels("starts").Set(counts.StartActivities.Count);
        _sincePublish = 0;
        _modelDirty = false;
        _lastPublish = _c.Clock.GetTimestamp();
    }

    protected override void OnTimer(object timerKey)
    {
        if (Equals(timerKey, RestoreRetryTimer))
        {
            if (_restoring is { } partitions && !_stopping)
            {
                StartRestore(partitions);
            }
            else
            {
                _restoring = null;
                FinishIfDone();
            }
            return;
        }
        if (Equals(timerKey, StopDeadlineTimer))
        {
            if (_pendingSaves > 0)
            {
                _finalCheckpointsFailed = true;
                _c.Log($"{_pendingSaves} final checkpoint(s) not stored within {_c.Timings.StopTimeout.TotalSeconds:F0} s; giving up (the partitions resume from their previous checkpoints)");
                _pendingSaves = 0;
            }
            _restoring = null;
            FinishIfDone();
            return;
        }
        FlushCounters();
        if (_stopping)
            return;
        var control = _c.Control();
        foreach (var state in Miner.Partitions.Values.ToList())
        {
            UpdatePartitionGauges(state, control);
            if (state.SinceCheckpoint > 0 && _c.Clock.GetElapsedTime(state.CheckpointTakenAt) >= _c.Timings.CheckpointInterval)
                Checkpoint(state);
        }
        // Not while partitions are being handed over: the model would show a member owning nothing for a moment.
        if (_modelDirty && _restoring is null && !_rebalancing && _c.Clock.GetElapsedTime(_lastPublish) >= _c.Timings.PublishInterval)
            Publish();
    }

    private void UpdatePartitionGauges(PartitionState state, KafkaConsumerControl? control = null)
    {
        var labels = new[] { state.Partition.Topic, state.Partition.Partition.ToString(CultureInfo.InvariantCulture) };
        _c.Metrics.Position.WithLabels(labels).Set(state.NextOffset);
        _c.Metrics.PartitionEvents.WithLabels(labels).Set(state.Summary.EventsProcessed);
        if (control is not null && control.TryGetHighWatermark(new TopicPartition(state.Partition.Topic, state.Partition.Partition), out var high))
            _c.Metrics.Lag.WithLabels(labels).Set(Math.Max(0, high - state.NextOffset));
    }

    private void BeginStop()
    {
        if (_stopping)
            return;
        _stopping = true;
        _c.Health.SetReady(false, "stopping: final checkpoints");
        if (_restoring is null)
        {
            if (_modelDirty && !_rebalancing)
                Publish();
            foreach (var state in Miner.Partitions.Values.ToList())
            {
                if (state.NextOffset != state.SavedOffset)
                    Checkpoint(state, final: true);
            }
        }
        ScheduleOnce(StopDeadlineTimer, _c.Timings.StopTimeout);
        FinishIfDone();
    }

    private void FinishIfDone()
    {
        if (!_stopping || _pendingSaves > 0 || _restoring is not null)
            return;
        FlushCounters();
        _handle.Source.TrySetResult(new MinerRunSummary(_consumed, _valid, _invalid, _reflected, _emissions, _checkpoints, !_finalCheckpointsFailed));
        CompleteStage();
    }

    private void Fail(Exception reason)
    {
        _c.Health.SetLive(false, reason.Message);
        _handle.Source.TrySetException(reason);
        FailStage(reason);
    }

    private static PartitionId Id(TopicPartition tp) => new(tp.Topic, tp.Partition.Value);
}
