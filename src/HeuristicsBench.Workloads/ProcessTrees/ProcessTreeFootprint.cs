using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>
/// The footprint of a process tree, computed from its structure alone (exact, no sampling, loops unbounded),
/// on activity labels: a leaf label occurring twice is one activity.
/// <list type="bullet">
/// <item>directly follows a &gt; b: "a b" occurs in some trace of the tree's language;</item>
/// <item>length-two loop (a, b), a ≠ b: "a b a" occurs in some trace;</item>
/// <item>start / end activities: first / last events of the non-empty traces.</item>
/// </list>
/// The true causal relations (<see cref="CausalRelations"/>) are what the heuristics miner is meant to find:
/// a → b (a ≠ b) when a &gt; b and not b &gt; a, or when "a b a" or "b a b" occurs and neither a nor b
/// directly follows itself (a length-two loop: both a → b and b → a); a → a when a &gt; a.
/// The relations are computed bottom-up: for every subtree its first and last activities, one-event
/// traces, two-event prefixes and suffixes, &gt; and "a b a" factors; a sequence joins the last of one part
/// to the first of the next across parts that can be empty, a parallel connects every pair of activities
/// of different children both ways, a loop *(do, redo) is do·(redo·do)* (so last(do) → first(redo),
/// last(redo) → first(do), and last(do) → first(do) when redo can be empty).
/// </summary>
public sealed class ProcessTreeFootprint
{
    private ProcessTreeFootprint(
        string[] activities,
        bool acceptsEmptyTrace,
        string[] start,
        string[] end,
        HashSet<ActivityPair> directlyFollows,
        HashSet<ActivityPair> lengthTwoLoops,
        CausalRelation[] causal)
    {
        Activities = activities;
        AcceptsEmptyTrace = acceptsEmptyTrace;
        StartActivities = start;
        EndActivities = end;
        DirectlyFollows = directlyFollows;
        LengthTwoLoops = lengthTwoLoops;
        CausalRelations = causal;
    }

    /// <summary>The visible activities (distinct labels), ordinal order.</summary>
    public IReadOnlyList<string> Activities { get; }

    /// <summary>Whether the empty trace is in the language (every path can be silent).</summary>
    public bool AcceptsEmptyTrace { get; }

    /// <summary>First activities of the non-empty traces, ordinal order.</summary>
    public IReadOnlyList<string> StartActivities { get; }

    /// <summary>Last activities of the non-empty traces, ordinal order.</summary>
    public IReadOnlyList<string> EndActivities { get; }

    /// <summary>The directly-follows relation &gt;: (a, b) when "a b" occurs in some trace.</summary>
    public IReadOnlySet<ActivityPair> DirectlyFollows { get; }

    /// <summary>(a, b), a ≠ b, when "a b a" occurs in some trace.</summary>
    public IReadOnlySet<ActivityPair> LengthTwoLoops { get; }

    /// <summary>The true causal relations, ordered by From then To (ordinal).</summary>
    public IReadOnlyList<CausalRelation> CausalRelations { get; }

    /// <summary>The ground truth: activities, causal relations, start and end activities.</summary>
    public GroundTruth ToGroundTruth() => new(Activities, CausalRelations, StartActivities, EndActivities);

    /// <summary>Computes the footprint of the tree under <paramref name="root"/>.</summary>
    public static ProcessTreeFootprint Compute(ProcessTreeNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var labels = ProcessTreeLabels.Sorted(root);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
            ids.Add(labels[i], i);
        var profile = Profile(root, ids, labels.Length);

        string[] Names(ActivitySet set) => set.Members().Select(i => labels[i]).ToArray();
        HashSet<ActivityPair> Pairs(ActivityPairSet set) =>
            set.Pairs().Select(p => new ActivityPair(labels[p.First], labels[p.Second])).ToHashSet();

        var follows = profile.Follows;
        var causal = new List<CausalRelation>();
        for (var a = 0; a < labels.Length; a++)
        {
            for (var b = 0; b < labels.Length; b++)
            {
                bool isCausal;
                if (a == b)
                {
                    isCausal = follows.Contains(a, a);
                }
                else
                {
                    var ordered = follows.Contains(a, b) && !follows.Contains(b, a);
                    var lengthTwoLoop = (profile.Returns.Contains(a, b) || profile.Returns.Contains(b, a))
                        && !follows.Contains(a, a) && !follows.Contains(b, b);
                    isCausal = ordered || lengthTwoLoop;
                }
                if (isCausal)
                    causal.Add(new CausalRelation(labels[a], labels[b]));
            }
        }

        return new ProcessTreeFootprint(
            labels,
            profile.Nullable,
            Names(profile.First),
            Names(profile.Last),
            Pairs(profile.Follows),
            [.. Pairs(profile.Returns).Where(p => !string.Equals(p.First, p.Second, StringComparison.Ordinal))],
            [.. causal]);
    }

    private static LanguageProfile Profile(ProcessTreeNode node, Dictionary<string, int> ids, int capacity)
    {
        switch (node)
        {
            case ActivityLeaf leaf:
                return LanguageProfile.Activity(capacity, ids[leaf.Label]);
            case SilentLeaf:
                return LanguageProfile.Silent(capacity);
            case LoopNode loop:
                var body = Profile(loop.Do, ids, capacity);
                var redo = Profile(loop.Redo, ids, capacity);
                return LanguageProfile.Sequence(body, LanguageProfile.Star(LanguageProfile.Sequence(redo, body)));
            default:
                Func<LanguageProfile, LanguageProfile, LanguageProfile> combine = node switch
                {
                    SequenceNode => LanguageProfile.Sequence,
                    ChoiceNode => LanguageProfile.Choice,
                    ParallelNode => LanguageProfile.Shuffle,
                    _ => throw new NotSupportedException($"unknown process tree node {node.GetType().Name}"),
                };
                var result = Profile(node.Children[0], ids, capacity);
                for (var i = 1; i < node.Children.Count; i++)
                    result = combine(result, Profile(node.Children[i], ids, capacity));
                return result;
        }
    }
}
