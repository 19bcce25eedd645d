using System.Globalization;
using HeuristicsMiner.Algorithm.Model;

namespace HeuristicsMiner.Algorithm.Export;

/// <summary>A short human-readable rendering of a mined model: settings, start/end, arcs and bindings.</summary>
public static class ModelTextWriter
{
    public static void Write(MinedModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var c = model.Counts;
        var t = model.Thresholds;
        var net = model.Net;
        var inv = CultureInfo.InvariantCulture;
        var setting = c.Variant switch
        {
            Summaries.SummaryVariant.LossyCountingWithBudget => $"lcb, budget {c.Budget}, b={c.CurrentBucket}",
            Summaries.SummaryVariant.SlidingWindow => $"sw, window {c.WindowSize}",
            _ when c.BucketWidth == 0 => "lc, exact counting",
            _ => string.Create(inv, $"lc, ε={c.Epsilon}, w={c.BucketWidth}, b={c.CurrentBucket}"),
        };
        output.WriteLine(string.Create(inv,
            $"Heuristics net from {c.EventsProcessed:N0} events ({setting}; {c.EntryCount:N0} entries, {c.Cases:N0} cases tracked)"));
        var relative = t.RelativeToBest is { } r ? string.Create(inv, $", relative to best ≤ {r}") : "";
        output.WriteLine(string.Create(inv,
            $"thresholds: dependency ≥ {t.DependencyThreshold}, positive observations ≥ {t.PositiveObservations}, AND ≥ {t.AndThreshold}, loop-two ≥ {t.LoopTwoThreshold}{relative}"));
        output.WriteLine($"start: {string.Join(", ", net.StartActivities)}");
        output.WriteLine($"end:   {string.Join(", ", net.EndActivities)}");

        var width = net.Arcs.Select(a => a.From.Length).DefaultIfEmpty(0).Max();
        output.WriteLine(string.Create(inv, $"arcs ({net.Arcs.Count}):"));
        foreach (var arc in net.Arcs)
            output.WriteLine(string.Create(inv, $"  {arc.From.PadRight(width)} -> {arc.To}  (|>| {arc.Frequency:N0}, dependency {arc.Dependency:F3})"));
        foreach (var loop in net.LengthTwoLoops)
            output.WriteLine(string.Create(inv, $"  length-two loop {loop.A} <-> {loop.B}  (patterns {loop.Frequency:N0}, {loop.Dependency:F3})"));

        output.WriteLine("bindings (AND inside braces, XOR between them):");
        var nameWidth = net.Nodes.Select(n => n.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var node in net.Nodes)
        {
            output.WriteLine(string.Create(inv,
                $"  {node.Name.PadRight(nameWidth)}  in: {Bindings(node.InputBindings)}   out: {Bindings(node.OutputBindings)}"));
        }
    }

    private static string Bindings(IReadOnlyList<IReadOnlyList<string>> bindings) =>
        bindings.Count == 0 ? "-" : string.Join(" | ", bindings.Select(b => "{" + string.Join(", ", b) + "}"));
}
