using HeuristicsBench.Analysis.Faults;
using HeuristicsBench.Analysis.Series;
using HeuristicsBench.Analysis.Tests.Support;

namespace HeuristicsBench.Analysis.Tests.Faults;

public sealed class FaultRecoveryMeasureTests
{
    private static readonly FaultWindow Fault = new(60, 90);

    /// <summary>Normal sawtooth 5..40 of a consumer committing in batches.</summary>
    private static double Sawtooth(int t) => 5 + (7 * (t % 6));

    /// <summary>
    /// One sample per second, t = 0..<paramref name="last"/>: sawtooth until 63, then lag grows 10/s up to 420 at
    /// t = 100, drains 20/s back to 40 at t = 119, then sawtooth again.
    /// </summary>
    private static double PodFailure(int t) => t switch
    {
        < 63 => Sawtooth(t),
        <= 100 => 40 + (10 * (t - 62)),
        <= 119 => 420 - (20 * (t - 100)),
        _ => Sawtooth(t),
    };

    private static LagSeries Series(Func<int, double> lag, int last = 199) =>
        Lag.EverySecond(0, Enumerable.Range(0, last + 1).Select(lag).ToArray());

    private static FaultRecovery MeasureOne(LagSeries series, FaultRecoveryOptions? options = null) =>
        Assert.Single(FaultRecoveryMeasure.Measure(series, [Fault], options));

    [Fact]
    public void Pod_failure_shape_gives_band_detection_peak_and_recovery()
    {
        var r = MeasureOne(Series(PodFailure));
        Assert.Equal(FaultRecoveryOutcome.Recovered, r.Outcome);
        Assert.Equal(30, r.BaselineSamples);
        Assert.Equal(40, r.BandUpper);
        Assert.Equal(3, r.TimeToDetectSeconds);
        Assert.Equal((420, 100), (r.PeakLag, r.PeakTime));
        Assert.Equal(119 - 90, r.RecoverySeconds);
    }

    [Fact]
    public void A_brief_dip_into_the_band_is_not_recovery_unless_no_hold_is_asked_for()
    {
        var series = Series(t => t == 110 ? 30 : PodFailure(t));
        Assert.Equal(29, MeasureOne(series).RecoverySeconds);
        Assert.Equal(20, MeasureOne(series, new FaultRecoveryOptions { HoldSeconds = 0 }).RecoverySeconds);
    }

    [Fact]
    public void Slack_widens_the_band_above_the_baseline_maximum()
    {
        var r = MeasureOne(Series(PodFailure), new FaultRecoveryOptions { Slack = 25 });
        Assert.Equal(65, r.BandUpper);
        Assert.Equal(5, r.TimeToDetectSeconds); // 40 + 10 * 3 = 70 > 65 at t = 65
        Assert.Equal(28, r.RecoverySeconds);    // 420 - 20 * 18 = 60 <= 65 at t = 118
    }

    [Fact]
    public void The_baseline_window_length_is_respected()
    {
        // A 45 s spike at t = 20 is inside a 45 s baseline but not inside the default 30 s one.
        var series = Series(t => t == 20 ? 45 : PodFailure(t));
        Assert.Equal(40, MeasureOne(series).BandUpper);
        var wide = MeasureOne(series, new FaultRecoveryOptions { BaselineSeconds = 45 });
        Assert.Equal(45, wide.BandUpper);
        Assert.Equal(45, wide.BaselineSamples);
    }

    [Fact]
    public void Lag_still_high_when_the_series_ends_is_not_recovered()
    {
        var r = MeasureOne(Series(PodFailure, last: 110));
        Assert.Equal(FaultRecoveryOutcome.NotRecovered, r.Outcome);
        Assert.Null(r.RecoverySeconds);
        Assert.Equal(3, r.TimeToDetectSeconds);
        Assert.Equal(420, r.PeakLag);
    }

    [Fact]
    public void Recovery_needs_a_sample_at_least_the_hold_time_after_the_return()
    {
        var shortTail = Series(PodFailure, last: 125);
        Assert.Equal(FaultRecoveryOutcome.NotRecovered, MeasureOne(shortTail).Outcome);
        Assert.Equal(29, MeasureOne(shortTail, new FaultRecoveryOptions { HoldSeconds = 5 }).RecoverySeconds);
    }

    [Fact]
    public void A_fault_with_no_samples_before_it_has_no_band()
    {
        var series = Series(t => PodFailure(t + 60), last: 139);
        var r = Assert.Single(FaultRecoveryMeasure.Measure(series, [new FaultWindow(0, 30)]));
        Assert.Equal(FaultRecoveryOutcome.NoBaseline, r.Outcome);
        Assert.Equal(0, r.BaselineSamples);
        Assert.Null(r.BandUpper);
        Assert.Null(r.TimeToDetectSeconds);
        Assert.Null(r.RecoverySeconds);
        Assert.Equal((420, 40), (r.PeakLag, r.PeakTime));
    }

    [Fact]
    public void A_fault_that_never_moves_the_lag_out_of_the_band_is_undetected_and_recovered_at_once()
    {
        var r = MeasureOne(Series(Sawtooth));
        Assert.Null(r.TimeToDetectSeconds);
        Assert.Equal(FaultRecoveryOutcome.Recovered, r.Outcome);
        Assert.Equal(0, r.RecoverySeconds);
        Assert.Equal(40, r.PeakLag);
    }

    [Fact]
    public void Detection_and_recovery_are_measured_at_the_sample_times()
    {
        // Samples every 5 s: t = 60 is still in the band, t = 65 (lag 70) is the first above it; after the end
        // (90) lag is back in the band first at t = 120 (5), confirmed by t = 130.
        var times = Enumerable.Range(0, 40).Select(i => 5.0 * i).ToArray();
        var values = times.Select(t => PodFailure((int)t)).ToArray();
        var r = MeasureOne(Lag.At(times, values));
        Assert.Equal(40, r.BandUpper);
        Assert.Equal(5, r.TimeToDetectSeconds);
        Assert.Equal(120 - 90, r.RecoverySeconds);
    }

    [Fact]
    public void Each_fault_is_observed_only_until_the_next_one_starts()
    {
        var faults = new[] { Fault, new FaultWindow(110, 115) };
        var results = FaultRecoveryMeasure.Measure(Series(PodFailure), faults);
        Assert.Equal(FaultRecoveryOutcome.NotRecovered, results[0].Outcome);
        Assert.Equal(420, results[0].PeakLag);
        // The second fault's baseline [80, 110) still holds the first fault's lag, so its band is wide.
        Assert.Equal(420, results[1].BandUpper);
        Assert.Null(results[1].TimeToDetectSeconds);
        Assert.Equal(0, results[1].RecoverySeconds);
        Assert.Equal((220, 110), (results[1].PeakLag, results[1].PeakTime));
    }

    [Fact]
    public void No_faults_give_no_results()
    {
        Assert.Empty(FaultRecoveryMeasure.Measure(Series(Sawtooth), []));
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        var series = Series(PodFailure);
        Assert.Throws<ArgumentException>(() => FaultRecoveryMeasure.Measure(Lag.At([0, 2, 1], [1, 1, 1]), [Fault]));
        Assert.Throws<ArgumentException>(() => FaultRecoveryMeasure.Measure(series, [new FaultWindow(90, 60)]));
        Assert.Throws<ArgumentException>(() => FaultRecoveryMeasure.Measure(series, [Fault, new FaultWindow(80, 100)]));
        Assert.Throws<ArgumentException>(() => FaultRecoveryMeasure.Measure(series, [Fault], new FaultRecoveryOptions { HoldSeconds = -1 }));
        Assert.Throws<ArgumentException>(() => FaultRecoveryMeasure.Measure(series, [Fault], new FaultRecoveryOptions { BaselineSeconds = 0 }));
        Assert.Throws<ArgumentException>(() => FaultRecoveryMeasure.Measure(series, [Fault], new FaultRecoveryOptions { Slack = double.NaN }));
    }
}
