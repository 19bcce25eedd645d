using System.Globalization;
using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// A Markov-chain process model (the paper's assembly-line generator). A case starts in the start state; each
/// visit to a state picks one of its events by the probabilities at the case's start step, emits the event's
/// activity (node = the state's name) with a sampled duration, and moves to the event's next state until
/// <c>end</c>. Immutable and thread-safe.
/// </summary>
public sealed class MarkovChainModel : IProcessModel
{
    private readonly MarkovGraph _graph;
    private readonly GroundTruth _truthFrom;
    private readonly GroundTruth _truthDuring;
    private readonly GroundTruth _truthTo;
    private readonly int _maxEventsPerState;

    /// <exception cref="ArgumentException">The definition has an issue (see <see cref="MarkovChainValidator"/>).</exception>
    public MarkovChainModel(MarkovChainDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var issues = MarkovChainValidator.Validate(definition);
        if (issues.Count > 0)
        {
            var more = issues.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {issues.Count - 1} more)") : "";
            throw new ArgumentException($"invalid Markov chain '{definition.Name}': {issues[0]}{more}", nameof(definition));
        }

        Definition = definition;
        _graph = MarkovGraph.Build(definition);
        _maxEventsPerState = definition.States.Max(s => s.Events.Count);
        Activities = definition.States.SelectMany(s => s.Events).Select(e => e.Activity)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _truthFrom = ComputeTruth(MarkovSupport.From);
        _truthTo = ComputeTruth(MarkovSupport.To);
        _truthDuring = ComputeTruth(MarkovSupport.Any);
        TruthChangeSteps = ComputeTruthChangeSteps();
    }

    public MarkovChainDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>Every activity of the file (whatever its probability), sorted ordinally.</summary>
    public IReadOnlyList<string> Activities { get; }

    /// <summary>
    /// Steps s at which <see cref="TruthAt"/>(s) differs from <see cref="TruthAt"/>(s − 1), ascending; empty
    /// without drift. The truth is piecewise constant: one value up to the drift start, one strictly inside
    /// the drift, one from its end on.
    /// </summary>
    public IReadOnlyList<long> TruthChangeSteps { get; }

    /// <summary>Drift progress t in [0, 1] at a step (0 without drift).</summary>
    public double DriftProgressAt(long step) => Definition.Drift?.ProgressAt(step) ?? 0;

    /// <summary>The probabilities of a state's events (file order) for cases starting at <paramref name="step"/>.</summary>
    public IReadOnlyList<double> ProbabilitiesAt(string state, long step)
    {
        var s = Definition.States.Select((st, i) => (st, i)).FirstOrDefault(x => x.st.Name == state);
        if (s.st is null)
            throw new ArgumentException($"unknown state '{state}'", nameof(state));
        var t = DriftProgressAt(step);
        return s.st.Events.Select(e => e.Probability.At(t)).ToArray();
    }

    /// <exception cref="InvalidOperationException">
    /// The case reached <see cref="MarkovChainDefinition.MaxCaseLength"/> events without ending; nothing is
    /// appended then.
    /// </exception>
    public void SimulateCase(DeterministicRandom random, long step, List<SimulatedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(steps);
        var t = DriftProgressAt(step);
        var first = steps.Count;
        Span<double> weights = stackalloc double[_maxEventsPerState];
        var state = _graph.Start;
        var count = 0;
        while (state != MarkovGraph.EndIndex)
        {
            if (count == Definition.MaxCaseLength)
            {
                steps.RemoveRange(first, steps.Count - first);
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Markov chain '{Name}': a case starting at step {step} reached maxCaseLength = {Definition.MaxCaseLength} events without ending (in state '{_graph.StateName(state)}'); lower the loop probabilities or raise maxCaseLength"));
            }

            var from = _graph.From[state];
            var to = _graph.To[state];
            var w = weights[..from.Length];
            for (var i = 0; i < w.Length; i++)
                w[i] = ((1 - t) * from[i]) + (t * to[i]);
            var chosen = random.NextWeighted(w);
            steps.Add(new SimulatedStep(
                _graph.Activities[state][chosen],
                _graph.Durations[state][chosen].Sample(random),
                _graph.StateName(state)));
            state = _graph.Next[state][chosen];
            count++;
        }
    }

    /// <summary>
    /// The activity-level transition graph at a step, from the structure: a → b iff a state S reachable at
    /// that step has an event a with p &gt; 0 whose next state T has an event b with p &gt; 0. Start activities:
    /// possible events of the start state; end activities: possible events leading to <c>end</c>; activities:
    /// possible events of reachable states.
    /// </summary>
    public GroundTruth TruthAt(long step)
    {
        var t = DriftProgressAt(step);
        return t == 0 ? _truthFrom : t == 1 ? _truthTo : _truthDuring;
    }

    /// <summary>
    /// Whether the chain can produce <paramref name="trace"/> from the start state to <c>end</c> using only
    /// events with p &gt; 0 at the step (an NFA walk: an activity may belong to several states). The
    /// maxCaseLength guard of simulation does not apply; an empty trace is never accepted.
    /// </summary>
    public bool Accepts(IReadOnlyList<string> trace, long step)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Count == 0)
            return false;
        var support = SupportAt(DriftProgressAt(step));
        var current = new bool[_graph.StateCount];
        var next = new bool[_graph.StateCount];
        current[_graph.Start] = true;
        var ended = false;
        foreach (var activity in trace)
        {
            Array.Clear(next);
            ended = false;
            var any = false;
            for (var s = 0; s < current.Length; s++)
            {
                if (!current[s])
                    continue;
                var activities = _graph.Activities[s];
                for (var e = 0; e < activities.Length; e++)
                {
                    if (!_graph.IsPossible(s, e, support) || !string.Equals(activities[e], activity, StringComparison.Ordinal))
                        continue;
                    var target = _graph.Next[s][e];
                    if (target == MarkovGraph.EndIndex)
                        ended = true;
                    else
                        next[target] = true;
                    any = true;
                }
            }
            if (!any)
                return false;
            (current, next) = (next, current);
        }
        return ended;
    }

    private static MarkovSupport SupportAt(double progress) =>
        progress == 0 ? MarkovSupport.From : progress == 1 ? MarkovSupport.To : MarkovSupport.Any;

    private GroundTruth ComputeTruth(MarkovSupport support)
    {
        var reachable = _graph.Reachable(support);
        var activities = new SortedSet<string>(StringComparer.Ordinal);
        var ends = new SortedSet<string>(StringComparer.Ordinal);
        var starts = new SortedSet<string>(StringComparer.Ordinal);
        var relations = new HashSet<(string From, string To)>();
        for (var s = 0; s < _graph.StateCount; s++)
        {
            if (!reachable[s])
                continue;
            for (var e = 0; e < _graph.Activities[s].Length; e++)
            {
                if (!_graph.IsPossible(s, e, support))
                    continue;
                var a = _graph.Activities[s][e];
                activities.Add(a);
                if (s == _graph.Start)
                    starts.Add(a);
                var target = _graph.Next[s][e];
                if (target == MarkovGraph.EndIndex)
                {
                    ends.Add(a);
                    continue;
                }
                for (var f = 0; f < _graph.Activities[target].Length; f++)
                {
                    if (_graph.IsPossible(target, f, support))
                        relations.Add((a, _graph.Activities[target][f]));
                }
            }
        }

        var sorted = relations
            .OrderBy(r => r.From, StringComparer.Ordinal)
            .ThenBy(r => r.To, StringComparer.Ordinal)
            .Select(r => new CausalRelation(r.From, r.To))
            .ToArray();
        return new GroundTruth(activities.ToArray(), sorted, starts.ToArray(), ends.ToArray());
    }

    private long[] ComputeTruthChangeSteps()
    {
        if (Definition.Drift is not { } drift)
            return [];
        var changes = new List<long>();
        if (drift.Steps == 0)
        {
            AddIfDifferent(changes, drift.Start, _truthFrom, _truthTo);
        }
        else if (drift.Steps == 1)
        {
            AddIfDifferent(changes, drift.Start + 1, _truthFrom, _truthTo);
        }
        else
        {
            AddIfDifferent(changes, drift.Start + 1, _truthFrom, _truthDuring);
            AddIfDifferent(changes, drift.Start + drift.Steps, _truthDuring, _truthTo);
        }
        return [.. changes];
    }

    private static void AddIfDifferent(List<long> changes, long step, GroundTruth before, GroundTruth after)
    {
        if (!SameTruth(before, after))
            changes.Add(step);
    }

    private static bool SameTruth(GroundTruth a, GroundTruth b) =>
        a.Activities.SequenceEqual(b.Activities, StringComparer.Ordinal)
        && a.Relations.SequenceEqual(b.Relations)
        && a.StartActivities.SequenceEqual(b.StartActivities, StringComparer.Ordinal)
        && a.EndActivities.SequenceEqual(b.EndActivities, StringComparer.Ordinal);
}
