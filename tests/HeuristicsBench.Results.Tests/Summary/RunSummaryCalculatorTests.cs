using HeuristicsBench.Experiments;
using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;
using HeuristicsBench.Results.Tests.Support;

namespace HeuristicsBench.Results.Tests.Summary;

public class RunSummaryCalculatorTests
{
    [Fact]
    public void Fault_aware_measures_equal_the_constructed_ones()
    {
        var summary = RunSummaryCalculator.From(Records.WithFault(recoverySeconds: 13));
        Assert.Equal(13, summary.RecoveryFaultAwareSeconds);
        Assert.Equal(1, summary.FaultsRecovered);
        Assert.Equal(1, summary.Faults);
        Assert.Equal(500, summary.PeakLag);
        Assert.Equal(1, summary.TimeToDetectSeconds);
    }

    [Fact]
    public void Paper_recovery_is_measured_on_a_short_run()
    {
        // 84 rows, far below the paper's 300-row minimum: still analysed. Median lag 10 (most samples are the
        // 8..12 baseline); the one peak spans from the last sample below 10 before the fault to the first after.
        var summary = RunSummaryCalculator.From(Records.WithFault(recoverySeconds: 13));
        Assert.NotNull(summary.RecoveryPaperSeconds);
        Assert.InRange(summary.RecoveryPaperSeconds!.Value, 23, 30);
    }

    [Fact]
    public void Lag_quantiles_interpolate_between_ranks()
    {
        var history = new RunHistory();
        // Values 1..101 in a shuffled time order: p50 = 51, p99 = 1 + 0.99 · 100 = 100, max 101.
        for (int i = 0; i < 101; i++)
            history.Add(MetricNames.Lag, Records.T0 + i, ((i * 37) % 101) + 1);
        var summary = RunSummaryCalculator.From(Records.WithHistory(history));
        Assert.Equal(51, summary.LagP50!.Value, 9);
        Assert.Equal(100, summary.LagP99!.Value, 9);
        Assert.Equal(101, summary.LagMax);
    }

    [Fact]
    public void Means_medians_and_finals()
    {
        var history = new RunHistory();
        double[] latencies = [5, 1, 3, 100];
        for (int i = 0; i < 4; i++)
        {
            history.Add(MetricNames.ThroughputIn, Records.T0 + i, 10 * (i + 1));
            history.Add(MetricNames.LatencyP95, Records.T0 + i, latencies[i]);
        }
        // Finals are the latest by time, not the last appended.
        history.Add(MetricNames.FidelityF1, Records.T0 + 5, 0.75);
        history.Add(MetricNames.FidelityF1, Records.T0 + 4, 0.25);
        history.Add(MetricNames.EventsAcknowledged, Records.T0 + 5, 999);
        var summary = RunSummaryCalculator.From(Records.WithHistory(history));
        Assert.Equal(25, summary.ThroughputInMean);
        Assert.Equal(4, summary.LatencyP95Ms);
        Assert.Equal(0.75, summary.FidelityF1Final);
        Assert.Equal(999, summary.EventsAcknowledged);
        Assert.Null(summary.ThroughputOutMean);
        Assert.Null(summary.LatencyP50Ms);
        Assert.Null(summary.LagP50);
        Assert.Null(summary.RecoveryPaperSeconds);
        Assert.Null(summary.RecoveryFaultAwareSeconds);
        Assert.Equal(0, summary.Faults);
        Assert.Equal("none", summary.Hypothesis);
        Assert.Equal("passed", summary.Outcome);
        Assert.Null(summary.CheckNoLostEvents);
    }

    [Fact]
    public void Events_processed_comes_from_the_final_model()
    {
        var summary = RunSummaryCalculator.From(Records.WithFault());
        Assert.Equal(12345, summary.EventsProcessed);
        Assert.Equal(12400, summary.EventsInTopic);
    }

    [Fact]
    public void Outcome_and_hypothesis_texts()
    {
        var record = Records.WithFault(verdicts: [new CheckerVerdict("no-lost-events", true, ""), new CheckerVerdict("no-double-counting", false, "2 twice")]);
        var failed = RunSummaryCalculator.From(record);
        Assert.Equal("failed", failed.Outcome);
        Assert.Equal("held", failed.Hypothesis);
        Assert.True(failed.CheckNoLostEvents);
        Assert.False(failed.CheckNoDoubleCounting);
        Assert.Null(failed.CheckNoOrphanProcesses);

        Assert.Equal("aborted: lag above 1000 for 10s", RunSummaryCalculator.From(record with { AbortReason = "lag above 1000 for 10s" }).Outcome);
        Assert.Equal("error: broker did not start", RunSummaryCalculator.From(record with { AbortReason = "x", Error = "broker did not start" }).Outcome);
        Assert.Equal("deviated: lag 5000 > 1000", RunSummaryCalculator.From(record with { HypothesisDeviation = "lag 5000 > 1000" }).Hypothesis);
    }

    [Fact]
    public void Sweep_columns_in_milliseconds_or_as_the_number()
    {
        var delay = new FaultParameterValue.DurationValue(TimeSpan.FromMilliseconds(1500));
        var record = Records.WithFault(run: Records.Run(index: 3, sweepValue: delay, iteration: 2));
        var scenario = new Scenario("delay", [Records.DelayFault()], new Sweep(0, "latency", [delay]));
        var experiment = new Experiment("e", "", new Workload("assembly-line", 100, WorkloadShape.Constant, TimeSpan.FromMinutes(2), 1),
            new SystemUnderTest(10, MinerOptions.Default, TimeSpan.FromSeconds(10)), Execution.Default, null, [], [scenario]);
        var summary = RunSummaryCalculator.From(record, experiment);
        Assert.Equal("03-delay-1s500ms-i2", summary.Run);
        Assert.Equal("faults[0].latency", summary.SweepParameter);
        Assert.Equal("1s500ms", summary.SweepValue);
        Assert.Equal(1500, summary.SweepValueNumeric);
        Assert.Equal(2, summary.Iteration);
        Assert.Equal(4245, summary.Seed);
        Assert.Equal(12.5, RunSummaryCalculator.Numeric(new FaultParameterValue.NumberValue(12.5)));
        Assert.Equal("", RunSummaryCalculator.From(record).SweepParameter);
    }

    [Fact]
    public void Planned_window_is_used_when_the_fault_was_not_applied()
    {
        var record = Records.WithFault(recoverySeconds: 13) with { Faults = [Records.Applied(applied: false)] };
        Assert.Equal(13, RunSummaryCalculator.From(record).RecoveryFaultAwareSeconds);
        var moved = Records.WithFault(recoverySeconds: 13) with
        {
            Faults = [Records.Applied() with { AppliedEnd = Records.T0 + 45 }],
        };
        Assert.Equal(8, RunSummaryCalculator.From(moved).RecoveryFaultAwareSeconds);
    }

    [Fact]
    public void Overlapping_faults_count_as_one()
    {
        var record = Records.WithFault(recoverySeconds: 13) with
        {
            Faults = [Records.Applied(30, 40), Records.Applied(35, 38) with { FaultIndex = 1 }],
        };
        var summary = RunSummaryCalculator.From(record);
        Assert.Equal(1, summary.Faults);
        Assert.Equal(13, summary.RecoveryFaultAwareSeconds);
    }

    [Fact]
    public void The_fault_aware_band_of_a_run_allows_one_second_of_input_above_the_pre_fault_maximum()
    {
        Assert.Equal(0, RunSummaryCalculator.FaultOptionsFor(null).Slack);
        var experiment = Support.Experiments.Sweep().Experiment;
        Assert.Equal(experiment.Workload.Rate, RunSummaryCalculator.FaultOptionsFor(experiment).Slack);
        Assert.Equal(RunSummaryCalculator.FaultOptions.HoldSeconds, RunSummaryCalculator.FaultOptionsFor(experiment).HoldSeconds);
    }
}
