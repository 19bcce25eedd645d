using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Serving;

/// <summary>
/// The miner service's state without any I/O: one summary per assigned partition, each fed only with that
/// partition's records in offset order (so a partition's state depends on nothing but the partition), checkpoints
/// as (snapshot, next offset) pairs, and the published model built from all partition states merged.
/// Not thread-safe: the stage that owns it calls it from one thread at a time.
/// </summary>
public sealed class PartitionedMiner
{
    private readonly Dictionary<PartitionId, PartitionState> _partitions = [];
    private readonly SummaryOptions _summary;
    private readonly ModelThresholds _thresholds;
    private readonly int _maxEventBytes;

    public PartitionedMiner(SummaryOptions summary, ModelThresholds thresholds, int maxEventBytes)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEventBytes, 1);
        thresholds.Validate();
        summary.Create(); // validates the parameters now rather than at the first assignment
        _summary = summary;
        _thresholds = thresholds;
        _maxEventBytes = maxEventBytes;
    }

    public IReadOnlyDictionary<PartitionId, PartitionState> Partitions => _partitions;

    /// <summary>Events counted over all assigned partitions (the merged model's N).</summary>
    public long EventsProcessed => _partitions.Values.Sum(p => p.Summary.EventsProcessed);

    /// <summary>
    /// Takes on a partition: from its checkpoint when there is one, else empty at offset 0. A checkpoint made with
    /// other summary settings throws <see cref="CheckpointMismatchException"/>; a damaged one <see cref="InvalidDataException"/>.
    /// </summary>
    public PartitionState Assign(PartitionId partition, PartitionCheckpoint? checkpoint)
    {
        StreamSummary summary;
        long next = 0;
        if (checkpoint is null)
        {
            summary = _summary.Create();
        }
        else
        {
            if (checkpoint.Partition != partition)
                throw new ArgumentException($"checkpoint of {checkpoint.Partition} offered for {partition}", nameof(checkpoint));
            if (checkpoint.NextOffset < 0)
                throw new InvalidDataException($"checkpoint of {partition} has a negative offset {checkpoint.NextOffset}");
            try
            {
                summary = SummarySnapshot.FromBytes(checkpoint.State);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"checkpoint of {partition} at offset {checkpoint.NextOffset}: {e.Message}", e);
            }
            if (Describe(summary) is var found && found != Describe(_summary))
                throw new CheckpointMismatchException(
                    $"the checkpoint of {partition} (offset {checkpoint.NextOffset}) was made with {found}, but this miner runs {Describe(_summary)}; " +
                    "start it with the same settings, or use another --group (or delete that group's checkpoints) to start over");
            next = checkpoint.NextOffset;
        }
        var state = new PartitionState(partition, summary, next);
        _partitions[partition] = state;
        return state;
    }

    /// <summary>Forgets a partition (revoked or lost); its state lives on only in its checkpoints.</summary>
    public bool Drop(PartitionId partition) => _partitions.Remove(partition);

    /// <summary>
    /// Processes the record at <paramref name="offset"/> of an assigned partition. Records below the partition's next
    /// offset are already reflected and ignored; any other record moves the next offset past it, valid or not.
    /// </summary>
    public ProcessResult Process(PartitionId partition, long offset, ReadOnlySpan<byte> value)
    {
        if (!_partitions.TryGetValue(partition, out var state))
            throw new InvalidOperationException($"record of {partition} at offset {offset}, but that partition is not assigned");
        if (offset < state.NextOffset)
            return ProcessResult.AlreadyReflected;
        state.NextOffset = offset + 1;
        if (value.IsEmpty)
            return new ProcessResult(RecordOutcome.Invalid, InvalidKind.Empty, "empty value (no event JSON)");
        if (value.Length > _maxEventBytes)
            return new ProcessResult(RecordOutcome.Invalid, InvalidKind.Oversized, $"oversized: {value.Length} bytes, the limit is {_maxEventBytes}");
        if (!EventFields.TryParse(value, out var caseId, out var activity, out var emittedAt, out var error))
            return new ProcessResult(RecordOutcome.Invalid, InvalidKind.Malformed, error);
        state.Summary.Observe(caseId, activity);
        return new ProcessResult(RecordOutcome.Valid, EmittedAt: emittedAt);
    }

    /// <summary>A checkpoint of the partition's current state, marked as the newest taken.</summary>
    public PartitionCheckpoint TakeCheckpoint(PartitionId partition)
    {
        var state = _partitions[partition];
        state.CheckpointedOffset = state.NextOffset;
        return new PartitionCheckpoint(partition, state.NextOffset, SummarySnapshot.ToBytes(state.Summary));
    }

    /// <summary>The merged counts of all assigned partitions (ordered by partition, so the merge is reproducible).</summary>
    public SummaryCounts MergedCounts()
    {
        var parts = _partitions.Values
            .OrderBy(p => p.Partition.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Partition)
            .Select(p => p.Summary.GetCounts())
            .ToList();
        return parts.Count == 0 ? _summary.Create().GetCounts() : SummaryCountsMerger.Merge(parts);
    }

    /// <summary>The model over all assigned partitions and the next offset of each, which together say exactly
    /// which input the model reflects.</summary>
    public (MinedModel Model, IReadOnlyDictionary<PartitionId, long> Offsets) BuildModel()
    {
        var offsets = _partitions.Values
            .OrderBy(p => p.Partition.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Partition)
            .ToDictionary(p => p.Partition, p => p.NextOffset);
        return (MinedModel.From(MergedCounts(), _thresholds), offsets);
    }

    private static string Describe(SummaryOptions options) => options.Variant switch
    {
        SummaryVariant.LossyCountingWithBudget => $"lcb budget {options.Budget}",
        SummaryVariant.SlidingWindow => $"sw window {options.WindowSize}",
        _ => $"lc ε {options.Epsilon.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };

    private static string Describe(StreamSummary summary)
    {
        var c = summary.GetCounts();
        return Describe(new SummaryOptions(summary.Variant, c.Epsilon, c.Budget ?? 0, (int)(c.WindowSize ?? 0)));
    }
}
