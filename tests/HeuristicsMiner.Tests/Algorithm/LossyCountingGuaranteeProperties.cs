using CsCheck;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsMiner.Tests.Algorithm;

/// <summary>BRIEF §3's guarantee, true − εN ≤ f ≤ true ≤ f + Δ, checked against exact counts.</summary>
public class LossyCountingGuaranteeProperties
{
    [Fact]
    public void Activities_obey_the_lossy_counting_guarantee()
    {
        Gen.Select(RandomStreams.Of(8, 12, 800), RandomStreams.Epsilons).Sample((stream, epsilon) =>
        {
            var lossy = Feed.All(new LossyCountingSummary(epsilon), stream).GetCounts();
            var exact = RandomStreams.Exact(stream).GetCounts();
            AssertGuarantee(lossy.Activities.Select(e => (e.Name, e.Frequency, e.Delta)),
                exact.Activities.Select(e => (e.Name, e.Frequency)), epsilon * stream.Length);
        }, iter: 300);
    }

    [Fact]
    public void Relations_and_loops_never_overcount_and_with_starts_obey_the_guarantee_while_no_case_was_evicted()
    {
        var fullyChecked = 0;
        Gen.Select(RandomStreams.Of(3, 5, 600), RandomStreams.Epsilons).Sample((stream, epsilon) =>
        {
            var summary = Feed.All(new LossyCountingSummary(epsilon), stream);
            var lossy = summary.GetCounts();
            var exact = RandomStreams.Exact(stream).GetCounts();
            var relations = RandomStreams.ByPair(exact.Relations);
            var loops = RandomStreams.ByPair(exact.LoopPatterns);
            foreach (var r in lossy.Relations)
                Assert.InRange(r.Frequency, 1, relations.GetValueOrDefault((r.From, r.To)));
            foreach (var r in lossy.LoopPatterns)
                Assert.InRange(r.Frequency, 1, loops.GetValueOrDefault((r.From, r.To)));
            if (summary.CaseEvictions > 0)
                return;
            var bound = epsilon * stream.Length;
            AssertGuarantee(lossy.Relations.Select(e => ($"{e.From}>{e.To}", e.Frequency, e.Delta)),
                exact.Relations.Select(e => ($"{e.From}>{e.To}", e.Frequency)), bound);
            AssertGuarantee(lossy.LoopPatterns.Select(e => ($"{e.From}>{e.To}", e.Frequency, e.Delta)),
                exact.LoopPatterns.Select(e => ($"{e.From}>{e.To}", e.Frequency)), bound);
            AssertGuarantee(lossy.StartActivities.Select(e => (e.Name, e.Frequency, e.Delta)),
                exact.StartActivities.Select(e => (e.Name, e.Frequency)), bound);
            if (stream.Length >= 2 * summary.BucketWidth)
                Interlocked.Increment(ref fullyChecked);
        }, iter: 300);
        Assert.True(fullyChecked >= 30, $"only {fullyChecked} samples pruned without evicting a case; the full check is too rare");
    }

    [Fact]
    public void Entries_per_structure_stay_within_w_times_the_harmonic_number_of_b()
    {
        // Manku & Motwani: entries inserted i buckets ago survive a prune only with f ≥ i, and a bucket feeds
        // each structure at most w items, so a structure holds at most Σ_{i≤b} w/i = w·H(b) ≤ (1/ε)·(1 + ln εN) entries.
        Gen.Select(RandomStreams.Of(40, 60, 3000), RandomStreams.Epsilons).Sample((stream, epsilon) =>
        {
            var summary = new LossyCountingSummary(epsilon);
            foreach (var (c, a) in stream)
            {
                summary.Observe(c, a);
                if (summary.EventsProcessed % summary.BucketWidth != 0)
                    continue;
                var bound = summary.BucketWidth * Harmonic(summary.CurrentBucket);
                var (activities, cases, relations, loops, starts) = summary.EntriesPerStructure;
                foreach (var count in new[] { activities, cases, relations, loops, starts })
                    Assert.True(count <= bound, $"{count} entries > w·H(b) = {bound} at N={summary.EventsProcessed}");
            }
        }, iter: 100);
    }

    [Fact]
    public void Budget_is_never_exceeded_and_counts_stay_within_the_current_bucket()
    {
        Gen.Select(RandomStreams.Of(10, 12, 800), Gen.Long[3, 60]).Sample((stream, budget) =>
        {
            var summary = new LossyCountingBudgetSummary(budget);
            foreach (var (c, a) in stream)
            {
                summary.Observe(c, a);
                Assert.True(summary.EntryCount <= budget, $"{summary.EntryCount} entries > budget {budget}");
            }
            var lossy = summary.GetCounts();
            Assert.True(lossy.EntryCount <= budget);
            var exact = RandomStreams.ByName(RandomStreams.Exact(stream).GetCounts().Activities);
            foreach (var e in lossy.Activities)
                Assert.InRange(exact[e.Name], e.Frequency, e.Frequency + e.Delta);
            foreach (var (name, count) in exact.Where(kv => lossy.Activities.All(e => e.Name != kv.Key)))
                Assert.True(count <= summary.CurrentBucket, $"absent {name} has true count {count} > b = {summary.CurrentBucket}");
        }, iter: 300);
    }

    private static double Harmonic(long n)
    {
        var sum = 0.0;
        for (var i = 1; i <= n; i++)
            sum += 1.0 / i;
        return sum;
    }

    private static void AssertGuarantee(IEnumerable<(string Key, long Frequency, long Delta)> lossy,
        IEnumerable<(string Key, long Frequency)> exact, double bound)
    {
        var truth = exact.ToDictionary(e => e.Key, e => e.Frequency);
        var seen = new HashSet<string>();
        foreach (var (key, f, delta) in lossy)
        {
            Assert.True(truth.TryGetValue(key, out var t), $"{key} counted but never occurred");
            Assert.True(t - bound <= f && f <= t && t <= f + delta, $"{key}: true {t}, f {f}, Δ {delta}, εN {bound}");
            seen.Add(key);
        }
        foreach (var (key, t) in truth.Where(kv => !seen.Contains(kv.Key)))
            Assert.True(t <= bound, $"{key} pruned with true count {t} > εN = {bound}");
    }
}
