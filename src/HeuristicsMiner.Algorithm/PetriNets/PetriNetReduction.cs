namespace HeuristicsMiner.Algorithm.PetriNets;

/// <summary>
/// The clean-up pm4py applies after converting a heuristics net: removal of redundant invisible transitions
/// (to_petri_net.remove_rendundant_invisible_transitions) followed by its "simple reduction"
/// (petri_net/utils/reduction.apply_simple_reduction). Candidates are visited in ordinal id order so the
/// result does not depend on hash-set iteration order.
/// </summary>
internal static class PetriNetReduction
{
    /// <summary>
    /// Removes every silent transition j for which another silent transition i has the same preset and a postset
    /// that strictly contains the postset of j (pm4py compares preset sizes and inclusion, which amounts to
    /// equality). The set removed does not depend on the visiting order: it is exactly the dominated transitions.
    /// </summary>
    public static void RemoveRedundantInvisibleTransitions(PetriNetBuilder net)
    {
        var silent = net.SilentTransitionIds();
        var dominated = silent.Where(j => silent.Any(i => i != j
                && net.Preset(i).SetEquals(net.Preset(j))
                && net.Postset(j).IsProperSubsetOf(net.Postset(i))))
            .ToList();
        foreach (var id in dominated)
            net.Remove(id);
    }

    /// <summary>reduce_single_entry_transitions followed by reduce_single_exit_transitions.</summary>
    public static void ApplySimpleReduction(PetriNetBuilder net)
    {
        while (TryReduceSingleEntryTransition(net))
        {
        }
        while (TryReduceSingleExitTransition(net))
        {
        }
    }

    /// <summary>
    /// A silent transition t with one input place p, where p has one incoming arc (from transition s) and t as its
    /// only output: t and p are removed and s gets arcs to every output place of t.
    /// </summary>
    private static bool TryReduceSingleEntryTransition(PetriNetBuilder net)
    {
        foreach (var t in net.SilentTransitionIds())
        {
            if (net.Preset(t).Count != 1)
                continue;
            string p = net.Preset(t).First();
            if (net.Preset(p).Count != 1 || net.Postset(p).Count != 1)
                continue;
            string s = net.Preset(p).First();
            if (s == t)
                continue;
            var targets = net.Postset(t).ToList();
            net.Remove(t);
            net.Remove(p);
            foreach (var target in targets)
                net.AddArc(s, target);
            return true;
        }
        return false;
    }

    /// <summary>
    /// A silent transition t with one output place q, where q has t as its only input and one outgoing arc (to
    /// transition u): t and q are removed and every input place of t gets an arc to u.
    /// </summary>
    private static bool TryReduceSingleExitTransition(PetriNetBuilder net)
    {
        foreach (var t in net.SilentTransitionIds())
        {
            if (net.Postset(t).Count != 1)
                continue;
            string q = net.Postset(t).First();
            if (net.Preset(q).Count != 1 || net.Postset(q).Count != 1)
                continue;
            string u = net.Postset(q).First();
            if (u == t)
                continue;
            var sources = net.Preset(t).ToList();
            net.Remove(t);
            net.Remove(q);
            foreach (var source in sources)
                net.AddArc(source, u);
            return true;
        }
        return false;
    }
}
