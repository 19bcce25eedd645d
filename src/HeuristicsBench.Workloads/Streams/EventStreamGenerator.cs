using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// Turns a model schedule into a case-interleaved event stream in simulated time. Cases arrive as a Poisson
/// process with mean inter-arrival W/K (W: mean simulated case duration, estimated from 200 cases simulated
/// with a separate generator; K: target concurrency), so K cases are in flight on average. Each case is
/// simulated whole when it arrives (model chosen by the schedule at the current stream position, then noise);
/// its events complete at arrival + cumulative durations; events of all open cases are emitted in time order
/// (ties by case number, then sequence). Arrivals, simulation, noise and model choice draw from separate
/// generators derived from the seed, so e.g. adding noise does not change which traces are simulated.
/// Deterministic per seed.
/// </summary>
public sealed class EventStreamGenerator
{
    private const int EstimationCases = 200;

    /// <summary>This many empty cases in a row means the model (with its noise) cannot produce events.</summary>
    public const int MaxConsecutiveEmptyCases = 10_000;
    private readonly ModelSchedule _schedule;
    private readonly StreamSettings _settings;

    public EventStreamGenerator(ModelSchedule schedule, StreamSettings settings)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _schedule = schedule;
        _settings = settings;
    }

    public StreamStatistics Statistics { get; } = new();

    /// <summary>Exactly <paramref name="events"/> events, lazily (cases still open at the end stay incomplete).</summary>
    public IEnumerable<StreamEvent> Generate(long events)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        var seed = _settings.Seed;
        var arrivals = new DeterministicRandom(seed ^ 0xA5A5_0001UL);
        var simulation = new DeterministicRandom(seed ^ 0xA5A5_0002UL);
        var noiseRandom = new DeterministicRandom(seed ^ 0xA5A5_0003UL);
        var choice = new DeterministicRandom(seed ^ 0xA5A5_0004UL);
        var noise = _settings.Noise ?? NoiseSettings.None;
        var start = _settings.Start ?? StreamSettings.DefaultStart;

        var meanCase = EstimateCaseDuration(new DeterministicRandom(seed ^ 0xA5A5_0005UL));
        Statistics.EstimatedCaseDuration = meanCase;
        var meanGapTicks = Math.Max(1.0, (double)meanCase.Ticks / _settings.TargetConcurrentCases);

        var pending = new PriorityQueue<PendingEvent, (long Ticks, long Case, int Sequence)>();
        var open = 0;
        var steps = new List<SimulatedStep>();
        var nextArrival = 0L;
        long caseNumber = 0, emitted = 0;
        var emptyInARow = 0;

        while (emitted < events)
        {
            if (pending.Count == 0 || pending.TryPeek(out _, out var head) && nextArrival <= head.Ticks)
            {
                var version = _schedule.VersionAt(emitted, choice);
                var model = _schedule.Segments[version].Model;
                steps.Clear();
                try
                {
                    model.SimulateCase(simulation, emitted, steps);
                }
                catch (InvalidOperationException failure)
                {
                    throw new StreamGenerationException($"model '{model.Name}' could not simulate a case: {failure.Message}", failure);
                }
                Statistics.NoisyEvents += NoiseInjector.Apply(steps, noise, model.Activities, noiseRandom);
                Statistics.CasesStarted++;
                var number = caseNumber++;
                if (steps.Count == 0)
                {
                    Statistics.EmptyCases++;
                    if (++emptyInARow >= MaxConsecutiveEmptyCases)
                        throw new StreamGenerationException(
                            $"model '{model.Name}' produced {MaxConsecutiveEmptyCases} empty cases in a row (with noise {noise}); it cannot fill a stream");
                }
                else
                {
                    emptyInARow = 0;
                    var caseId = _settings.CasePrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var at = nextArrival;
                    for (var i = 0; i < steps.Count; i++)
                    {
                        if (steps[i].Duration.Ticks > long.MaxValue - at)
                            throw new StreamGenerationException($"simulated time overflowed in model '{model.Name}'; its durations are too long");
                        at += steps[i].Duration.Ticks;
                        pending.Enqueue(new PendingEvent(caseId, steps[i].Activity, steps[i].Node, model.Name, version, i + 1, i == steps.Count - 1),
                            (at, number, i + 1));
                    }
                    Statistics.PeakConcurrentCases = Math.Max(Statistics.PeakConcurrentCases, ++open);
                }
                nextArrival += (long)arrivals.NextExponential(meanGapTicks);
                continue;
            }

            pending.TryDequeue(out var e, out var key);
            if (e.Last)
            {
                open--;
                Statistics.CasesCompleted++;
            }
            if (key.Ticks > (DateTimeOffset.MaxValue - start).Ticks || key.Ticks < 0)
                throw new StreamGenerationException(
                    $"simulated time ran past {DateTimeOffset.MaxValue:yyyy-MM-dd} (start {start:O}); the model's durations are too long for this stream");
            yield return new StreamEvent(e.CaseId, e.Activity, start.AddTicks(key.Ticks), emitted, e.Sequence, e.Last,
                e.Version, e.Node, e.Group);
            Statistics.Events = ++emitted;
        }
    }

    private TimeSpan EstimateCaseDuration(DeterministicRandom random)
    {
        var model = _schedule.Segments[0].Model;
        var steps = new List<SimulatedStep>();
        double total = 0;
        for (var i = 0; i < EstimationCases; i++)
        {
            steps.Clear();
            try
            {
                model.SimulateCase(random, 0, steps);
            }
            catch (InvalidOperationException e)
            {
                throw new StreamGenerationException($"model '{model.Name}' could not simulate a case: {e.Message}", e);
            }
            foreach (var step in steps)
                total += step.Duration.Ticks;
        }
        var mean = total / EstimationCases;
        if (mean >= TimeSpan.MaxValue.Ticks / 4.0)
            throw new StreamGenerationException($"model '{model.Name}' has cases lasting about {mean / TimeSpan.TicksPerDay:N0} days; too long to simulate");
        return mean >= 1 ? TimeSpan.FromTicks((long)mean) : TimeSpan.FromSeconds(1);
    }

    private readonly record struct PendingEvent(string CaseId, string Activity, string Node, string Group, int Version, int Sequence, bool Last);
}
