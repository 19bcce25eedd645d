using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Streams;

namespace HeuristicsBench.Workloads.Tests.Streams;

public class EventStreamGeneratorTests
{
    private static StreamEvent[] Generate(ModelSchedule schedule, long events, StreamSettings? settings = null) =>
        [.. new EventStreamGenerator(schedule, settings ?? new StreamSettings(Seed: 7, TargetConcurrentCases: 20)).Generate(events)];

    [Fact]
    public void Same_seed_same_stream_and_another_seed_another_stream()
    {
        var schedule = ModelSchedule.Of(ChoiceModel.Abc);
        var first = Generate(schedule, 2000);
        Assert.Equal(first, Generate(schedule, 2000));
        Assert.NotEqual(first.Select(e => (e.CaseId, e.Activity)), Generate(schedule, 2000, new StreamSettings(Seed: 8, TargetConcurrentCases: 20)).Select(e => (e.CaseId, e.Activity)));
    }

    [Fact]
    public void Emits_exactly_N_events_numbered_in_time_order_with_consistent_case_sequences()
    {
        var events = Generate(ModelSchedule.Of(ChoiceModel.Abc), 5000);
        Assert.Equal(5000, events.Length);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i), events.Select(e => e.EventId));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp), "timestamps go back");
        foreach (var trace in events.GroupBy(e => e.CaseId))
        {
            Assert.Equal(Enumerable.Range(1, trace.Count()), trace.Select(e => e.Sequence));
            Assert.True(trace.SkipLast(1).All(e => !e.LastInCase));
            if (trace.Last().LastInCase)
                Assert.True(ChoiceModel.Abc.Accepts([.. trace.Select(e => e.Activity)], 0), string.Join(" ", trace.Select(e => e.Activity)));
        }
        Assert.True(events.Count(e => e.LastInCase) >= 5000 / 3 - 20);
    }

    [Fact]
    public void Cases_interleave_and_mean_concurrency_is_near_the_target()
    {
        var generator = new EventStreamGenerator(ModelSchedule.Of(ChoiceModel.Abc), new StreamSettings(Seed: 3, TargetConcurrentCases: 50));
        var events = generator.Generate(30_000).ToArray();
        // Little's law: L = total time cases spend in flight / elapsed time. Every step takes 10 s, so a complete
        // case is in flight for 30 s, from 10 s before its first event to its last event.
        var complete = events.GroupBy(e => e.CaseId).Where(g => g.First().Sequence == 1 && g.Last().LastInCase).ToArray();
        var inFlight = complete.Sum(g => (g.Last().Timestamp - g.First().Timestamp + TimeSpan.FromSeconds(10)).TotalSeconds);
        var elapsed = (complete.Max(g => g.Last().Timestamp) - complete.Min(g => g.First().Timestamp)).TotalSeconds;
        Assert.InRange(inFlight / elapsed, 40, 60);
        Assert.Equal(TimeSpan.FromSeconds(30), generator.Statistics.EstimatedCaseDuration);
        Assert.True(generator.Statistics.PeakConcurrentCases > 50);
    }

    [Fact]
    public void A_switch_moves_new_cases_to_the_next_model_at_the_given_event()
    {
        var schedule = new ModelSchedule([new ModelSegment(0, ChoiceModel.Abc), new ModelSegment(3000, ChoiceModel.Xyz)]);
        var events = Generate(schedule, 6000);
        var firstXyz = events.First(e => e.ModelVersion == 1);
        Assert.True(firstXyz.EventId >= 3000, $"model 1 appears at event {firstXyz.EventId}");
        Assert.All(events.Where(e => e.ModelVersion == 1), e => Assert.Contains(e.Activity, ChoiceModel.Xyz.Activities));
        Assert.Equal("xyz", firstXyz.Group);
        // Old cases finish after the switch; by the end only the new model remains.
        Assert.Contains(events.Skip(3000), e => e.ModelVersion == 0);
        Assert.All(events.Skip(5500), e => Assert.Equal(1, e.ModelVersion));
    }

    [Fact]
    public void A_morph_mixes_both_models_with_a_rising_share()
    {
        var schedule = new ModelSchedule([new ModelSegment(0, ChoiceModel.Abc), new ModelSegment(2000, ChoiceModel.Xyz, MorphOver: 6000)]);
        var starts = Generate(schedule, 10_000).Where(e => e.Sequence == 1).ToArray();
        double Share(long from, long to) => starts.Where(e => e.EventId >= from && e.EventId < to).Average(e => e.ModelVersion);
        Assert.Equal(0, Share(0, 2000));
        Assert.InRange(Share(2000, 4000), 0.05, 0.35);
        Assert.InRange(Share(6000, 8000), 0.6, 0.95);
        Assert.Equal(1, Share(8100, 10_000));
    }

    [Fact]
    public void Noise_changes_traces_without_changing_which_cases_are_simulated()
    {
        var clean = Generate(ModelSchedule.Of(ChoiceModel.Abc), 3000);
        var inserted = new EventStreamGenerator(ModelSchedule.Of(ChoiceModel.Abc),
            new StreamSettings(Seed: 7, TargetConcurrentCases: 20, Noise: new NoiseSettings(Insert: 1))).Generate(3000).ToArray();
        // With Insert = 1 every original event is preceded by an inserted one: complete cases have 6 events,
        // and the originals (every second event) are the clean trace.
        var cleanTraces = clean.GroupBy(e => e.CaseId).Where(g => g.Last().LastInCase).ToDictionary(g => g.Key, g => g.Select(e => e.Activity).ToArray());
        var noisy = inserted.GroupBy(e => e.CaseId).Where(g => g.Last().LastInCase).ToArray();
        Assert.NotEmpty(noisy);
        foreach (var trace in noisy)
        {
            Assert.Equal(6, trace.Count());
            if (cleanTraces.TryGetValue(trace.Key, out var original))
                Assert.Equal(original, trace.Where((_, i) => i % 2 == 1).Select(e => e.Activity).ToArray());
        }
    }

    [Fact]
    public void Noise_remove_drops_events_and_full_removal_is_reported_not_looped_forever()
    {
        var dropped = new EventStreamGenerator(ModelSchedule.Of(ChoiceModel.Abc),
            new StreamSettings(Seed: 7, Noise: new NoiseSettings(Remove: 0.3)));
        var events = dropped.Generate(3000).ToArray();
        Assert.Contains(events.GroupBy(e => e.CaseId), g => g.Last().LastInCase && g.Count() < 3);
        Assert.True(dropped.Statistics.NoisyEvents > 0);

        var all = new EventStreamGenerator(ModelSchedule.Of(ChoiceModel.Abc), new StreamSettings(Noise: new NoiseSettings(Remove: 1)));
        var ex = Assert.Throws<StreamGenerationException>(() => all.Generate(10).ToArray());
        Assert.Contains("empty cases in a row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swap_noise_trades_neighbours()
    {
        var events = new EventStreamGenerator(ModelSchedule.Of(ChoiceModel.Abc),
            new StreamSettings(Seed: 7, Noise: new NoiseSettings(Swap: 0.5))).Generate(3000).ToArray();
        Assert.Contains(events.GroupBy(e => e.CaseId), g => g.Last().LastInCase && g.First().Activity != "a");
        Assert.All(events.GroupBy(e => e.CaseId).Where(g => g.Last().LastInCase), g => Assert.Equal(3, g.Count()));
    }

    [Fact]
    public void Invalid_settings_are_named()
    {
        Assert.Equal("TargetConcurrentCases", Assert.Throws<ArgumentOutOfRangeException>(
            () => new EventStreamGenerator(ModelSchedule.Of(ChoiceModel.Abc), new StreamSettings(TargetConcurrentCases: 0))).ParamName);
        Assert.Equal("Swap", Assert.Throws<ArgumentOutOfRangeException>(
            () => new EventStreamGenerator(ModelSchedule.Of(ChoiceModel.Abc), new StreamSettings(Noise: new NoiseSettings(Swap: 2)))).ParamName);
        Assert.Throws<ArgumentException>(() => new ModelSchedule([new ModelSegment(5, ChoiceModel.Abc)]));
        Assert.Throws<ArgumentException>(() => new ModelSchedule([new ModelSegment(0, ChoiceModel.Abc), new ModelSegment(0, ChoiceModel.Xyz)]));
    }
}

public class EventStreamGeneratorLimitsTests
{
    [Fact]
    public void Durations_that_run_past_the_calendar_are_a_generation_error_not_a_crash()
    {
        var huge = new ChoiceModel("huge", "a", ["b"], "c", TimeSpan.FromDays(100_000));
        var generator = new EventStreamGenerator(ModelSchedule.Of(huge), new StreamSettings(TargetConcurrentCases: 1));
        var ex = Assert.Throws<StreamGenerationException>(() => generator.Generate(1000).ToArray());
        Assert.Contains("simulated time", ex.Message, StringComparison.Ordinal);
    }
}

public class NoiseRateTests
{
    [Fact]
    public void Remove_hits_its_rate_per_original_event_even_with_swaps()
    {
        var random = new HeuristicsBench.Workloads.Randomness.DeterministicRandom(5);
        var steps = new List<HeuristicsBench.Workloads.Models.SimulatedStep>();
        long originals = 0, kept = 0;
        for (var c = 0; c < 5000; c++)
        {
            steps.Clear();
            for (var i = 0; i < 10; i++)
                steps.Add(new($"a{i}", TimeSpan.FromSeconds(1), "n"));
            originals += steps.Count;
            NoiseInjector.Apply(steps, new NoiseSettings(Remove: 0.5, Swap: 1), ["x"], random);
            kept += steps.Count;
        }
        Assert.InRange((double)kept / originals, 0.48, 0.52);
    }

    [Fact]
    public void Inserted_events_take_no_time()
    {
        var steps = new List<HeuristicsBench.Workloads.Models.SimulatedStep> { new("a", TimeSpan.FromSeconds(10), "n") };
        NoiseInjector.Apply(steps, new NoiseSettings(Insert: 1), ["x"], new HeuristicsBench.Workloads.Randomness.DeterministicRandom(1));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(10)], steps.Select(s => s.Duration));
        Assert.Equal("x", steps[0].Activity);
    }
}
