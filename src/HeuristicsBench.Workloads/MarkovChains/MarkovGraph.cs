using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// A definition compiled to arrays indexed by state and event (next = -1 for <c>end</c>), with the graph
/// searches the validator and the model share. Assumes state names are unique and every next is known.
/// </summary>
internal sealed class MarkovGraph
{
    public const int EndIndex = -1;

    private readonly string[] _names;

    private MarkovGraph(string[] names, int start, string[][] activities, double[][] from, double[][] to, int[][] next, DurationDistribution[][] durations)
    {
        _names = names;
        Start = start;
        Activities = activities;
        From = from;
        To = to;
        Next = next;
        Durations = durations;
    }

    public int StateCount => _names.Length;

    public int Start { get; }

    public string[][] Activities { get; }

    public double[][] From { get; }

    public double[][] To { get; }

    public int[][] Next { get; }

    public DurationDistribution[][] Durations { get; }

    public string StateName(int state) => _names[state];

    public static MarkovGraph Build(MarkovChainDefinition definition)
    {
        var names = definition.States.Select(s => s.Name).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            index.Add(names[i], i);
        int NextIndex(string next) => next == MarkovChainDefinition.End ? EndIndex : index[next];
        return new MarkovGraph(
            names,
            index[definition.Start],
            definition.States.Select(s => s.Events.Select(e => e.Activity).ToArray()).ToArray(),
            definition.States.Select(s => s.Events.Select(e => e.Probability.From).ToArray()).ToArray(),
            definition.States.Select(s => s.Events.Select(e => e.Probability.To).ToArray()).ToArray(),
            definition.States.Select(s => s.Events.Select(e => NextIndex(e.Next)).ToArray()).ToArray(),
            definition.States.Select(s => s.Events.Select(e => e.Duration).ToArray()).ToArray());
    }

    public bool IsPossible(int state, int evt, MarkovSupport support) => support switch
    {
        MarkovSupport.From => From[state][evt] > 0,
        MarkovSupport.To => To[state][evt] > 0,
        _ => From[state][evt] > 0 || To[state][evt] > 0,
    };

    /// <summary>States a case can be in: reachable from the start through possible events.</summary>
    public bool[] Reachable(MarkovSupport support)
    {
        var seen = new bool[StateCount];
        var stack = new Stack<int>();
        seen[Start] = true;
        stack.Push(Start);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            for (var e = 0; e < Next[s].Length; e++)
            {
                var t = Next[s][e];
                if (t != EndIndex && IsPossible(s, e, support) && !seen[t])
                {
                    seen[t] = true;
                    stack.Push(t);
                }
            }
        }
        return seen;
    }

    /// <summary>States from which <c>end</c> can be reached through possible events (a fixpoint).</summary>
    public bool[] CanReachEnd(MarkovSupport support)
    {
        var finishing = new bool[StateCount];
        bool changed;
        do
        {
            changed = false;
            for (var s = 0; s < StateCount; s++)
            {
                if (finishing[s])
                    continue;
                for (var e = 0; e < Next[s].Length; e++)
                {
                    var t = Next[s][e];
                    if (IsPossible(s, e, support) && (t == EndIndex || finishing[t]))
                    {
                        finishing[s] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        while (changed);
        return finishing;
    }
}
