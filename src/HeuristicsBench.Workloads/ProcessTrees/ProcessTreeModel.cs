using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// A process tree as a reference model. Nothing depends on the stream position (step).
/// <list type="bullet">
/// <item>Simulation: a choice picks a child by its weights (equally likely without); a parallel interleaves
/// its children's events uniformly at random; a loop *(do, redo) runs do, then after each run of do runs
/// redo and do again with the redo probability (the loop's own, else <see cref="DefaultRedoProbability"/> = 0.5),
/// but do runs at most <see cref="MaxLoopIterations"/> times (default 10) per loop entry; tau produces nothing.
/// Each event's duration is drawn from its label's duration, else the tree's default, else
/// <see cref="DefaultDuration"/> (uniform 1 s to 60 s), in trace order after the case's activities
/// were chosen. The node of every event is the model name. A tree whose language has the empty trace
/// can simulate a case without events.</item>
/// <item>Ground truth: <see cref="ProcessTreeFootprint"/> (footprint causality from the structure, on labels).</item>
/// <item><see cref="Accepts"/>: exact membership in the tree's language (loops unbounded), not sampling.</item>
/// </list>
/// Duplicate labels are allowed: they are one activity everywhere (simulation output, ground truth, replay).
/// Not thread-safe for simulation (<see cref="Accepts"/> and <see cref="TruthAt"/> are).
/// </summary>
public sealed class ProcessTreeModel : IProcessModel
{
    /// <summary>The chance of another loop iteration after each run of do when the loop gives none.</summary>
    public const double DefaultRedoProbability = 0.5;

    /// <summary>The default cap on runs of a loop's do child per loop entry in the simulation.</summary>
    public const int DefaultMaxLoopIterations = 10;

    private readonly string[] _labels;
    private readonly DurationDistribution[] _durations;
    private readonly TreeSimulator _simulator;
    private readonly TreeLanguage _language;
    private readonly List<int> _buffer = [];

    /// <summary>Creates the model.</summary>
    /// <param name="name">The model name (also the node of its events).</param>
    /// <param name="tree">The tree and its durations.</param>
    /// <param name="maxLoopIterations">The cap on runs of a loop's do child per loop entry (at least 1).</param>
    public ProcessTreeModel(string name, ProcessTree tree, int maxLoopIterations = DefaultMaxLoopIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLoopIterations, 1);
        Name = name;
        Tree = tree;
        MaxLoopIterations = maxLoopIterations;
        Footprint = ProcessTreeFootprint.Compute(tree.Root);
        Truth = Footprint.ToGroundTruth();
        _labels = [.. Footprint.Activities];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _labels.Length; i++)
            ids.Add(_labels[i], i);
        var fallback = tree.DefaultDuration ?? DefaultDuration;
        _durations = [.. _labels.Select(l => tree.Durations.GetValueOrDefault(l, fallback))];
        _simulator = new TreeSimulator(tree.Root, ids, DefaultRedoProbability, maxLoopIterations);
        _language = new TreeLanguage(tree.Root, ids);
    }

    /// <summary>Creates the model of a tree without durations.</summary>
    public ProcessTreeModel(string name, ProcessTreeNode root, int maxLoopIterations = DefaultMaxLoopIterations)
        : this(name, new ProcessTree(root), maxLoopIterations)
    {
    }

    /// <summary>The duration of activities when neither the activity nor the tree gives one: uniform 1 s to 60 s.</summary>
    public static DurationDistribution DefaultDuration { get; } =
        new DurationDistribution.Uniform(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    public string Name { get; }

    public ProcessTree Tree { get; }

    public int MaxLoopIterations { get; }

    /// <summary>The structural footprint (directly follows, length-two loops, causal relations).</summary>
    public ProcessTreeFootprint Footprint { get; }

    /// <summary>The ground truth (the same at every step).</summary>
    public GroundTruth Truth { get; }

    public IReadOnlyList<string> Activities => Footprint.Activities;

    public void SimulateCase(DeterministicRandom random, long step, List<SimulatedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(steps);
        _buffer.Clear();
        _simulator.Run(random, _buffer);
        foreach (var id in _buffer)
            steps.Add(new SimulatedStep(_labels[id], _durations[id].Sample(random), Name));
    }

    public GroundTruth TruthAt(long step) => Truth;

    public bool Accepts(IReadOnlyList<string> trace, long step)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return _language.Accepts(trace);
    }
}
