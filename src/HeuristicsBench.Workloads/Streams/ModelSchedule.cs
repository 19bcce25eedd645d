using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// Which model a case starting at a stream position is simulated from (concept drift by switching or
/// morphing between models). Cases already running finish with the model they started with.
/// </summary>
public sealed class ModelSchedule
{
    public ModelSchedule(IReadOnlyList<ModelSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0 || segments[0].StartEvent != 0)
            throw new ArgumentException("a model schedule starts with a segment at event 0", nameof(segments));
        for (var i = 1; i < segments.Count; i++)
        {
            if (segments[i].StartEvent < segments[i - 1].StartEvent + segments[i - 1].MorphOver ||
                segments[i].StartEvent <= segments[i - 1].StartEvent)
                throw new ArgumentException($"segment {i} starts at {segments[i].StartEvent}, before the previous one has finished", nameof(segments));
            if (segments[i].MorphOver < 0)
                throw new ArgumentException($"segment {i} has a negative morph length", nameof(segments));
        }
        Segments = segments;
    }

    public static ModelSchedule Of(IProcessModel model) => new([new ModelSegment(0, model)]);

    public IReadOnlyList<ModelSegment> Segments { get; }

    /// <summary>The model version (segment index) for a case starting at <paramref name="step"/>.</summary>
    public int VersionAt(long step, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var version = 0;
        while (version + 1 < Segments.Count && Segments[version + 1].StartEvent <= step)
            version++;
        var segment = Segments[version];
        if (version == 0 || segment.MorphOver == 0 || step >= segment.StartEvent + segment.MorphOver)
            return version;
        var share = (double)(step - segment.StartEvent) / segment.MorphOver;
        return random.NextDouble() < share ? version : version - 1;
    }
}
