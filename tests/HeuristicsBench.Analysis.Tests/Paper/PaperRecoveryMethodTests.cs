using HeuristicsBench.Analysis.Paper;
using HeuristicsBench.Analysis.Tests.Support;

namespace HeuristicsBench.Analysis.Tests.Paper;

public sealed class PaperRecoveryMethodTests
{
    private static readonly PaperRecoveryOptions AnyLength = new() { MinimumRows = 0 };

    private static PaperRunResult Analyze(params double[] values) =>
        PaperRecoveryMethod.Analyze(Lag.EverySecond(0, values), AnyLength);

    [Fact]
    public void A_span_runs_from_the_first_below_median_sample_left_of_the_peak_to_the_first_one_right_of_it()
    {
        // median = 10; the peak at index 4 expands to the 5 at index 2 and the 5 at index 7, both included.
        var series = Lag.EverySecond(100, 10, 10, 5, 60, 200, 90, 10, 5, 10, 10, 10);
        var result = PaperRecoveryMethod.Analyze(series, AnyLength);
        Assert.Equal(10, result.Median);
        var span = Assert.Single(result.Spans);
        Assert.Equal(new RecoverySpan(2, 7, 102, 107), span);
        Assert.Equal(5, span.DurationSeconds);
        Assert.Equal(5, result.MeanRecoverySeconds);
    }

    [Fact]
    public void Samples_equal_to_the_median_do_not_stop_the_expansion()
    {
        var result = Analyze(10, 0, 10, 10, 100, 10, 10, 0, 10, 10);
        Assert.Equal(10, result.Median);
        Assert.Equal([new RecoverySpan(1, 7, 1, 7)], result.Spans);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(30, Analyze(10, 10, 10, 0, 200, 100, 60, 50).Median);
    }

    [Fact]
    public void Durations_use_the_sample_times_not_the_sample_count()
    {
        double[] times = [0, 1, 2, 3, 40, 41.5, 42, 43, 44];
        double[] values = [9, 9, 1, 300, 300, 9, 1, 9, 9];
        var span = Assert.Single(PaperRecoveryMethod.Analyze(Lag.At(times, values), AnyLength).Spans);
        Assert.Equal((2, 6), (span.StartIndex, span.EndIndex));
        Assert.Equal(40, span.DurationSeconds);
    }

    [Fact]
    public void Two_peaks_on_one_hill_give_one_event()
    {
        var result = Analyze(20, 0, 100, 40, 120, 0, 20, 20, 20);
        Assert.Equal([2, 4], result.Peaks.Select(p => p.Index));
        Assert.Equal([new RecoverySpan(1, 5, 1, 5)], result.Spans);
    }

    [Fact]
    public void Spans_sharing_a_below_median_sample_merge()
    {
        // Spans 1..3 and 3..5 share index 3.
        Assert.Equal([new RecoverySpan(1, 5, 1, 5)], Analyze(20, 0, 100, 0, 100, 0, 20, 20).Spans);
    }

    [Fact]
    public void Adjacent_spans_merge_even_across_two_below_median_samples()
    {
        // Spans 1..3 and 4..6 touch, so the marked samples form one run: one event of 5 s, not two of 2 s.
        Assert.Equal([new RecoverySpan(1, 6, 1, 6)], Analyze(20, 0, 100, 0, 0, 100, 0, 20, 20, 20).Spans);
    }

    [Fact]
    public void Spans_separated_by_an_unmarked_sample_stay_separate_events()
    {
        var result = Analyze(20, 0, 100, 0, 20, 0, 100, 0, 20, 20);
        Assert.Equal([new RecoverySpan(1, 3, 1, 3), new RecoverySpan(5, 7, 5, 7)], result.Spans);
        Assert.Equal(2, result.MeanRecoverySeconds);
    }

    [Fact]
    public void Without_a_below_median_sample_on_the_left_the_span_starts_at_the_first_sample()
    {
        var span = Assert.Single(Analyze(30, 30, 200, 30, 0, 0, 30, 30).Spans);
        Assert.Equal((0, 4), (span.StartIndex, span.EndIndex));
    }

    [Fact]
    public void A_span_reaching_the_last_sample_ends_one_sample_early_as_in_the_paper()
    {
        // median 30: the walk right never finds lag < 30, so samples 3..7 are marked; the paper's group
        // detection records 6, not 7, as the end of a run that reaches the last sample.
        Assert.Equal([new RecoverySpan(3, 6, 3, 6)], Analyze(10, 10, 10, 0, 200, 100, 60, 50).Spans);
        // With lag back below the median afterwards, the same peak's span ends at that sample.
        Assert.Equal([new RecoverySpan(3, 8, 3, 8)], Analyze(10, 10, 10, 0, 200, 100, 60, 50, 0, 10, 10, 10).Spans);
    }

    [Fact]
    public void A_prominent_peak_below_the_median_makes_no_span()
    {
        // Mostly 1000; the 60 inside a dip is 60 prominent but below the median, so both walks stop at it.
        var result = Analyze(1000, 1000, 1000, 0, 60, 0, 1000, 1000, 1000);
        Assert.Equal([4], result.Peaks.Select(p => p.Index));
        Assert.Empty(result.Spans);
        Assert.Null(result.MeanRecoverySeconds);
    }

    [Fact]
    public void Only_peaks_with_the_minimum_prominence_start_spans()
    {
        // prominence of the 59 is 59 - max(5, 10) = 49
        var series = Lag.EverySecond(0, 10, 10, 5, 59, 10, 10, 10);
        Assert.Empty(PaperRecoveryMethod.Analyze(series, AnyLength).Spans);
        Assert.Single(PaperRecoveryMethod.Analyze(series, AnyLength with { MinimumProminence = 49 }).Spans);
    }

    [Fact]
    public void Logs_with_fewer_than_300_rows_are_skipped()
    {
        var values = Enumerable.Range(0, 300).Select(i => (i % 50) switch { 25 => 500.0, 24 or 26 => 0.0, _ => 10.0 }).ToArray();
        var full = PaperRecoveryMethod.Analyze(Lag.EverySecond(0, values));
        Assert.False(full.Skipped);
        Assert.Equal(6, full.Spans.Count);
        Assert.Equal(2, full.MeanRecoverySeconds);

        var shorter = PaperRecoveryMethod.Analyze(Lag.EverySecond(0, values[..299]));
        Assert.True(shorter.Skipped);
        Assert.Equal(299, shorter.Rows);
        Assert.Null(shorter.Median);
        Assert.Empty(shorter.Peaks);
        Assert.Empty(shorter.Spans);
        Assert.Null(shorter.MeanRecoverySeconds);
    }

    [Fact]
    public void The_mean_of_file_means_leaves_out_skipped_logs_and_logs_without_spans()
    {
        var two = Analyze(10, 5, 100, 5, 10, 10, 10);
        var four = Analyze(10, 5, 100, 100, 100, 5, 10, 10, 10, 10);
        var none = Analyze(1, 1, 1);
        var skipped = PaperRecoveryMethod.Analyze(Lag.EverySecond(0, 10, 5, 100, 5, 10));
        Assert.Equal(2, two.MeanRecoverySeconds);
        Assert.Equal(4, four.MeanRecoverySeconds);
        Assert.Equal(3, PaperRecoveryMethod.MeanOfFileMeans([two, none, four, skipped]));
        Assert.Null(PaperRecoveryMethod.MeanOfFileMeans([none, skipped]));
    }

    [Fact]
    public void An_empty_log_analysed_without_a_row_minimum_has_no_median_and_no_span()
    {
        var result = PaperRecoveryMethod.Analyze(Lag.EverySecond(0), AnyLength);
        Assert.False(result.Skipped);
        Assert.Null(result.Median);
        Assert.Empty(result.Spans);
    }
}
