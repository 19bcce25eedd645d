using System.Text;
using HeuristicsMiner.Algorithm.PetriNets;

namespace HeuristicsMiner.Tests.Export;

/// <summary>
/// Replays a trace on a Petri net by a breadth-first search over (marking, events consumed) states: silent
/// transitions fire freely, a visible transition fires only when its label is the next event. The trace fits when
/// the final marking is reached exactly after the last event. The search is bounded; running out of states is an
/// error rather than a "no", so a negative answer is always the result of an exhaustive search.
/// </summary>
internal static class TokenGame
{
    public static bool CanReplay(PetriNet net, string trace, int maxStates = 100_000) =>
        CanReplay(net, trace.Split(' ', StringSplitOptions.RemoveEmptyEntries), maxStates);

    public static bool CanReplay(PetriNet net, IReadOnlyList<string> trace, int maxStates = 100_000)
    {
        var start = Copy(net.InitialMarking);
        string finalKey = Key(Copy(net.FinalMarking), trace.Count);
        var seen = new HashSet<string> { Key(start, 0) };
        var queue = new Queue<(SortedDictionary<string, int> Marking, int Position)>();
        queue.Enqueue((start, 0));
        while (queue.Count > 0)
        {
            var (marking, position) = queue.Dequeue();
            if (Key(marking, position) == finalKey)
                return true;
            foreach (var transition in net.Transitions)
            {
                int next;
                if (transition.IsSilent)
                    next = position;
                else if (position < trace.Count && transition.Label == trace[position])
                    next = position + 1;
                else
                    continue;
                if (!net.Preset(transition.Id).All(p => marking.GetValueOrDefault(p) > 0))
                    continue;
                var fired = Copy(marking);
                foreach (var p in net.Preset(transition.Id))
                {
                    if (--fired[p] == 0)
                        fired.Remove(p);
                }
                foreach (var p in net.Postset(transition.Id))
                    fired[p] = fired.GetValueOrDefault(p) + 1;
                if (seen.Add(Key(fired, next)))
                {
                    if (seen.Count > maxStates)
                        throw new InvalidOperationException($"Replay of '{string.Join(' ', trace)}' exceeded {maxStates} states.");
                    queue.Enqueue((fired, next));
                }
            }
        }
        return false;
    }

    private static SortedDictionary<string, int> Copy(IEnumerable<KeyValuePair<string, int>> marking)
    {
        var copy = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (place, tokens) in marking)
            copy.Add(place, tokens);
        return copy;
    }

    private static string Key(SortedDictionary<string, int> marking, int position)
    {
        var sb = new StringBuilder().Append(position).Append('|');
        foreach (var (place, tokens) in marking)
            sb.Append(place.Length).Append(':').Append(place).Append('=').Append(tokens).Append(';');
        return sb.ToString();
    }
}
