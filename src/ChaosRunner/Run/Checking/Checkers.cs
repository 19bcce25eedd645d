using System.Globalization;
using HeuristicsBench.Results.Runs;

namespace ChaosRunner.Run.Checking;

/// <summary>
/// Invariants over a finished run, Jepsen style: each returns a verdict with the numbers it compared, and a run with
/// a failed verdict fails visibly. The input topic holds only valid events, so every record must be counted once.
/// </summary>
public static class Checkers
{
    public const string NoLostEvents = "no-lost-events";
    public const string NoDoubleCounting = "no-double-counting";
    public const string FinalModelEqualsBaseline = "final-model-equals-baseline";
    public const string NoOrphanProcesses = "no-orphan-processes";

    public static IReadOnlyList<CheckerVerdict> All(CheckInput input) =>
        [LostEvents(input), DoubleCounting(input), Baseline(input), Orphans(input)];

    /// <summary>
    /// Nothing acknowledged is missing from the topic, and the final model reflects every record of the topic
    /// (its offsets reach every high watermark and it counts that many events).
    /// </summary>
    public static CheckerVerdict LostEvents(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inTopic = input.HighWatermarks.Sum();
        if (input.Acknowledged > inTopic)
            return Fail(NoLostEvents, $"the generator had {input.Acknowledged} events acknowledged but the topic holds {inTopic}");
        if (input.Final is null)
            return inTopic == 0 ? Pass(NoLostEvents, "no events and no model") : Fail(NoLostEvents, $"no model was published; the topic holds {inTopic} events");
        var behind = new List<string>();
        for (var p = 0; p < input.HighWatermarks.Count; p++)
        {
            var at = input.Final.Offsets.TryGetValue(p, out var o) ? o : 0;
            if (at < input.HighWatermarks[p])
                behind.Add(Invariant($"partition {p}: model at {at} of {input.HighWatermarks[p]}"));
        }
        if (behind.Count > 0)
            return Fail(NoLostEvents, $"the final model misses records: {string.Join(", ", behind)}");
        if (input.Final.EventsProcessed < inTopic)
            return Fail(NoLostEvents, Invariant($"the final model counts {input.Final.EventsProcessed} events of the {inTopic} in the topic"));
        return Pass(NoLostEvents, Invariant($"{input.Acknowledged} acknowledged, {inTopic} in the topic, {input.Final.EventsProcessed} in the final model"));
    }

    /// <summary>The final model counts each record once: eventsProcessed equals the records its offsets cover.</summary>
    public static CheckerVerdict DoubleCounting(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Final is null)
            return Pass(NoDoubleCounting, "no model was published (nothing counted)");
        var covered = input.Final.Offsets.Values.Sum();
        var inTopic = input.HighWatermarks.Sum();
        if (input.Final.EventsProcessed > covered)
            return Fail(NoDoubleCounting, Invariant($"the final model counts {input.Final.EventsProcessed} events but its offsets cover {covered} records"));
        if (covered > inTopic)
            return Fail(NoDoubleCounting, Invariant($"the final model's offsets cover {covered} records but the topic holds {inTopic}"));
        return Pass(NoDoubleCounting, Invariant($"{input.Final.EventsProcessed} events counted for {covered} records"));
    }

    /// <summary>The final model is exactly the model of a run without faults at the same offsets (offline mining of the same records).</summary>
    public static CheckerVerdict Baseline(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Final is null || input.BaselineJson is null)
            return Fail(FinalModelEqualsBaseline, "no final model to compare");
        if (input.Final.NormalizedJson == input.BaselineJson)
            return Pass(FinalModelEqualsBaseline, Invariant($"identical to offline mining of the same {input.Final.Offsets.Values.Sum()} records"));
        return Fail(FinalModelEqualsBaseline, "differs from offline mining of the same records at the same offsets: " + FirstDifference(input.Final.NormalizedJson, input.BaselineJson));
    }

    /// <summary>Every process the run started has exited.</summary>
    public static CheckerVerdict Orphans(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.StillAlive.Count == 0
            ? Pass(NoOrphanProcesses, "every child process has exited")
            : Fail(NoOrphanProcesses, "still running: " + string.Join(", ", input.StillAlive.Select(p => Invariant($"{p.Role} pid {p.Pid}"))));
    }

    /// <summary>On Kubernetes: no Chaos Mesh object of the run is left (the cluster counterpart of orphaned processes).</summary>
    public static CheckerVerdict LeftoverObjects(IReadOnlyList<string> leftovers)
    {
        ArgumentNullException.ThrowIfNull(leftovers);
        return leftovers.Count == 0
            ? Pass(NoOrphanProcesses, "no Chaos Mesh object of this run is left")
            : Fail(NoOrphanProcesses, "left behind: " + string.Join(", ", leftovers));
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        var from = Math.Max(0, i - 30);
        return Invariant($"at character {i}: model …{Excerpt(a, from)}… vs baseline …{Excerpt(b, from)}…");
    }

    private static string Excerpt(string s, int from) => from >= s.Length ? "" : s.Substring(from, Math.Min(80, s.Length - from));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static CheckerVerdict Pass(string name, string detail) => new(name, true, detail);

    private static CheckerVerdict Fail(string name, string detail) => new(name, false, detail);
}
