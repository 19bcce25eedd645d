using System.Globalization;
using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// Checks a <see cref="MarkovChainDefinition"/>: names, probabilities in [0, 1] summing to 1 (within
/// <see cref="SumTolerance"/>) at both ends of the drift, non-negative durations, known next states, every state
/// reachable from the start, and <c>end</c> reachable from every state a case can be in at every step.
/// Issues come in file order; graph checks run only when everything else is valid.
/// </summary>
public static class MarkovChainValidator
{
    public const double SumTolerance = 1e-9;

    public static IReadOnlyList<MarkovChainIssue> Validate(MarkovChainDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var issues = new List<MarkovChainIssue>();
        if (string.IsNullOrWhiteSpace(definition.Name))
            issues.Add(new("name", "must not be empty"));
        if (definition.MaxCaseLength < 1)
            issues.Add(new("maxCaseLength", $"must be at least 1 (got {Format(definition.MaxCaseLength)})"));
        if (definition.Drift is { } drift)
        {
            if (drift.Start < 0)
                issues.Add(new("drift.start", $"must not be negative (got {Format(drift.Start)})"));
            if (drift.Steps < 0)
                issues.Add(new("drift.steps", $"must not be negative (got {Format(drift.Steps)})"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (definition.States.Count == 0)
            issues.Add(new("states", "must list at least one state"));
        foreach (var state in definition.States)
        {
            if (string.IsNullOrWhiteSpace(state.Name))
                issues.Add(new("states", "a state name must not be empty"));
            else if (state.Name == MarkovChainDefinition.End)
                issues.Add(new($"states.{state.Name}", $"'{MarkovChainDefinition.End}' is reserved for ending a case and cannot name a state"));
            else if (!names.Add(state.Name))
                issues.Add(new($"states.{state.Name}", "duplicate state name"));
        }

        if (string.IsNullOrWhiteSpace(definition.Start))
            issues.Add(new("start", "must name the initial state"));
        else if (!names.Contains(definition.Start))
            issues.Add(new("start", $"unknown state '{definition.Start}' (states: {string.Join(", ", names)})"));

        foreach (var state in definition.States)
            CheckState(definition, state, names, issues);

        if (issues.Count == 0)
            CheckGraph(definition, issues);
        return issues;
    }

    private static void CheckState(MarkovChainDefinition definition, MarkovState state, HashSet<string> names, List<MarkovChainIssue> issues)
    {
        var statePath = $"states.{state.Name}";
        if (state.Events.Count == 0)
        {
            issues.Add(new($"{statePath}.events", "must list at least one event"));
            return;
        }

        var seen = new Dictionary<(string, string), int>();
        double sumFrom = 0, sumTo = 0;
        var probabilitiesValid = true;
        for (var i = 0; i < state.Events.Count; i++)
        {
            var e = state.Events[i];
            var path = $"{statePath}.events[{i}]";
            if (string.IsNullOrWhiteSpace(e.Activity))
                issues.Add(new($"{path}.activity", "must not be empty"));
            else if (seen.TryGetValue((e.Activity, e.Next), out var first))
                issues.Add(new(path, $"duplicates events[{first}] (same activity '{e.Activity}' and next '{e.Next}'); merge their probabilities"));
            else
                seen.Add((e.Activity, e.Next), i);

            if (!IsProbability(e.Probability.From) || !IsProbability(e.Probability.To))
            {
                probabilitiesValid = false;
                issues.Add(new($"{path}.probability", $"must be between 0 and 1 (got {Format(e.Probability)})"));
            }
            else if (e.Probability.IsDrifting && definition.Drift is null)
            {
                issues.Add(new($"{path}.probability", $"drifts ({Format(e.Probability)}) but the file has no 'drift' section saying when"));
            }

            sumFrom += e.Probability.From;
            sumTo += e.Probability.To;

            if (DurationProblem(e.Duration) is { } problem)
                issues.Add(new($"{path}.duration", problem));

            if (string.IsNullOrWhiteSpace(e.Next))
                issues.Add(new($"{path}.next", $"must name a state or '{MarkovChainDefinition.End}'"));
            else if (e.Next != MarkovChainDefinition.End && !names.Contains(e.Next))
                issues.Add(new($"{path}.next", $"unknown state '{e.Next}' (states: {string.Join(", ", names)}, or '{MarkovChainDefinition.End}')"));
        }

        if (!probabilitiesValid)
            return;
        var drifting = state.Events.Any(e => e.Probability.IsDrifting);
        if (Math.Abs(sumFrom - 1) > SumTolerance)
            issues.Add(new($"{statePath}.events", $"probabilities sum to {Format(sumFrom)}{(drifting ? " at the drift start (from)" : "")}, expected 1"));
        if (drifting && Math.Abs(sumTo - 1) > SumTolerance)
            issues.Add(new($"{statePath}.events", $"probabilities sum to {Format(sumTo)} at the drift end (to), expected 1"));
    }

    private static string? DurationProblem(DurationDistribution duration) => duration switch
    {
        DurationDistribution.Constant c when c.Value < TimeSpan.Zero => $"must not be negative (constant {Format(c.Value)})",
        DurationDistribution.Uniform u when u.Min < TimeSpan.Zero => $"must not be negative (uniform minimum {Format(u.Min)})",
        DurationDistribution.Uniform u when u.Max < u.Min => $"uniform maximum {Format(u.Max)} is below its minimum {Format(u.Min)}",
        DurationDistribution.Gaussian g when g.Mean < TimeSpan.Zero => $"must not be negative (gaussian mean {Format(g.Mean)})",
        DurationDistribution.Gaussian g when g.StandardDeviation < TimeSpan.Zero => $"gaussian sd must not be negative (got {Format(g.StandardDeviation)})",
        null => "is missing",
        _ => null,
    };

    /// <summary>
    /// Unreachable states are errors (a state nothing can enter is almost always a misspelt <c>next</c>).
    /// Then, for each distinct support of the probabilities (drift start, drift end, and strictly inside the
    /// drift where an event is possible iff it is possible at either end), every state reachable from the start
    /// must be able to reach <c>end</c>; otherwise cases would never finish.
    /// </summary>
    private static void CheckGraph(MarkovChainDefinition definition, List<MarkovChainIssue> issues)
    {
        var graph = MarkovGraph.Build(definition);
        var everReachable = graph.Reachable(MarkovSupport.Any);
        for (var s = 0; s < graph.StateCount; s++)
        {
            if (!everReachable[s])
                issues.Add(new($"states.{graph.StateName(s)}", $"is unreachable from the start state '{definition.Start}' (no event with a positive probability leads to it)"));
        }
        if (issues.Count > 0)
            return;

        var supports = definition.States.Any(st => st.Events.Any(e => e.Probability.IsDrifting))
            ? new[] { (MarkovSupport.From, " at the drift start (from)"), (MarkovSupport.To, " at the drift end (to)"), (MarkovSupport.Any, " during the drift") }
            : [(MarkovSupport.From, "")];
        var reported = new HashSet<int>();
        foreach (var (support, when) in supports)
        {
            var reachable = graph.Reachable(support);
            var finishing = graph.CanReachEnd(support);
            var stuck = Enumerable.Range(0, graph.StateCount).Where(s => reachable[s] && !finishing[s]).ToList();
            var all = stuck.Count > 1 ? $" (states that cannot: {string.Join(", ", stuck.Select(graph.StateName))})" : "";
            foreach (var s in stuck)
            {
                if (reported.Add(s))
                    issues.Add(new($"states.{graph.StateName(s)}", $"cannot reach '{MarkovChainDefinition.End}'{when}: cases entering it would never finish{all}"));
            }
        }
    }

    private static bool IsProbability(double p) => p is >= 0 and <= 1;

    private static string Format(double value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(MarkovProbability p) =>
        p.IsDrifting ? $"from {Format(p.From)} to {Format(p.To)}" : Format(p.From);

    private static string Format(TimeSpan value) => $"{Format(value.TotalSeconds)}s";
}
