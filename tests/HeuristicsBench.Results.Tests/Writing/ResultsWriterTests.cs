using System.Text.Json;
using HeuristicsBench.Analysis.Paper;
using HeuristicsBench.Analysis.Series;
using HeuristicsBench.Results.History;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;
using HeuristicsBench.Results.Tests.Support;
using HeuristicsBench.Results.Writing;

namespace HeuristicsBench.Results.Tests.Writing;

public class ResultsWriterTests
{
    [Fact]
    public void Run_files_have_the_documented_headers_and_rows()
    {
        using var dir = new TempDirectory();
        var record = Records.WithFault(recoverySeconds: 13);
        ResultsWriter.WriteRun(dir.Path, record);
        var runDir = Path.Combine(dir.Path, "runs", "00-delay-i1");

        var metrics = File.ReadAllLines(Path.Combine(runDir, "metrics.csv"));
        Assert.Equal("Metric,Time,Value", metrics[0]);
        Assert.Equal(record.History.Samples.Count + 1, metrics.Length);
        Assert.Equal("Lag_Input_Topic,1700000000,8", metrics[1]);

        var faults = File.ReadAllLines(Path.Combine(runDir, "faults.csv"));
        Assert.Equal("fault,repetition,kind,target,parameters,planned_start,planned_end,applied_start,applied_end,planned_start_s,applied_start_s,applied_end_s,observed_start_s,observed_end_s,peak_lag,note", faults[0]);
        // observed: lag leaves the 8..12 band one sample after the start (50 at 31 s), is back in it 13 s after the end, peaks at 500
        Assert.Equal("0,1,network-delay,miner,latency=100ms,1700000030,1700000040,1700000030,1700000040,30,30,40,31,53,500,applied", faults[1]);

        var checks = File.ReadAllLines(Path.Combine(runDir, "checks.csv"));
        Assert.Equal(["checker,passed,detail", "no-lost-events,true,acknowledged 100 = in topic 100"], checks);
        Assert.Equal(record.FinalModelJson, File.ReadAllText(Path.Combine(runDir, "model.json")));
    }

    [Fact]
    public void Lag_log_is_read_by_the_analysis_reader_and_gives_the_summary_recovery()
    {
        using var dir = new TempDirectory();
        var record = Records.WithFault(recoverySeconds: 13);
        ResultsWriter.WriteRun(dir.Path, record);
        var path = Path.Combine(dir.Path, "lag", "00-delay-i1.log");
        using var reader = new StreamReader(path);
        var series = LagLogReader.Read(reader, path);
        Assert.Equal(record.History.Series(MetricNames.Lag).Times.Length, series.Count);
        Assert.Equal(500, series.Values.ToArray().Max());
        Assert.Equal(RunSummaryCalculator.From(record).RecoveryPaperSeconds,
            PaperRecoveryMethod.Analyze(series, RunSummaryCalculator.PaperOptions).MeanRecoverySeconds);
    }

    [Fact]
    public void Wide_csv_pivots_by_second_with_empty_cells()
    {
        using var dir = new TempDirectory();
        var history = new RunHistory();
        history.Add(MetricNames.Lag, Records.T0 + 0.2, 5);
        history.Add(MetricNames.ThroughputIn, Records.T0 + 0.4, 100);
        history.Add(MetricNames.Lag, Records.T0 + 1.1, 6);
        history.Add(MetricNames.Lag, Records.T0 + 1.9, 7); // same second: the later one is kept
        history.Add(MetricNames.FidelityF1, Records.T0 + 3, 0.5);
        var record = Records.WithHistory(history) with { StartTime = Records.T0 + 0.5 };
        ResultsWriter.WriteRun(dir.Path, record);
        var wide = File.ReadAllLines(Path.Combine(dir.Path, "runs", "00-delay-i1", "metrics-wide.csv"));
        Assert.Equal(
        [
            "Time,Elapsed_s,Lag_Input_Topic,Throughput_In,Fidelity_F1",
            "1700000000,0,5,100,",
            "1700000001,1,7,,",
            "1700000003,3,,,0.5",
        ], wide);
        Assert.False(File.Exists(Path.Combine(dir.Path, "runs", "00-delay-i1", "model.json")));
    }

    [Fact]
    public void Writing_leaves_no_temporary_files_and_overwrites()
    {
        using var dir = new TempDirectory();
        var results = Support.Experiments.Sweep();
        foreach (var record in results.Runs)
            ResultsWriter.WriteRun(dir.Path, record);
        ResultsWriter.WriteExperiment(dir.Path, results, Support.Experiments.Machine);
        ResultsWriter.WriteExperiment(dir.Path, results, Support.Experiments.Machine);
        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.Path, f)).ToList();
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith('.'));
        Assert.Contains("summary.csv", files);
        Assert.Contains("manifest.json", files);
        Assert.Contains("report.html", files);
        Assert.Contains(Path.Combine("plots", "recovery-vs-delay-sweep-latency.png"), files);
        Assert.Contains(Path.Combine("plots", "fidelity-vs-delay-sweep-latency.png"), files);
        Assert.Contains(Path.Combine("plots", "02-delay-sweep-30ms-i1.png"), files);
    }

    [Fact]
    public void Summary_csv_has_every_column_and_one_row_per_run()
    {
        using var dir = new TempDirectory();
        var results = Support.Experiments.Sweep();
        ResultsWriter.WriteSummary(dir.Path, results.Runs, results.Experiment);
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "summary.csv"));
        Assert.Equal(string.Join(',', SummaryTable.Header), lines[0]);
        Assert.Equal(33, SummaryTable.Header.Count);
        Assert.Equal(6, lines.Length);
        var header = lines[0].Split(',');
        var first = lines[1].Split(',');
        string Cell(string column) => first[Array.IndexOf(header, column)];
        Assert.Equal("00-delay-sweep-10ms-i1", Cell("run"));
        Assert.Equal("faults[0].latency", Cell("sweep_parameter"));
        Assert.Equal("10", Cell("sweep_value_numeric"));
        // lag is back at its pre-fault level after 5 + 10/5 + 1 = 8 s, and within the slack of one second of input
        // (the workload rate, 100 events) of it a second earlier: 500 - 7 * 480/8 = 80 <= 12 + 100
        Assert.Equal("7", Cell("recovery_fault_aware_s"));
        Assert.Equal("1/1", Cell("faults_recovered"));
        Assert.Equal("passed", Cell("outcome"));
        Assert.Equal("pass", Cell("check_no_lost_events"));
        Assert.Equal("", Cell("check_no_orphan_processes"));
    }

    [Fact]
    public void Manifest_names_experiment_versions_machine_and_runs()
    {
        using var dir = new TempDirectory();
        var results = Support.Experiments.Sweep();
        results = results with { Runs = results.Runs.Take(2).ToList(), Finished = null };
        ResultsWriter.WriteManifest(dir.Path, results, Support.Experiments.Machine);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "manifest.json")));
        var root = json.RootElement;
        Assert.Equal("delay", root.GetProperty("experiment").GetProperty("name").GetString());
        Assert.Equal("experiments/delay.yaml", root.GetProperty("experiment").GetProperty("file").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("name: delay\n"u8)), root.GetProperty("experiment").GetProperty("sha256").GetString());
        Assert.Equal("2m", root.GetProperty("experiment").GetProperty("content").GetProperty("workload").GetProperty("duration").GetString());
        Assert.Equal("2.16.0", root.GetProperty("versions").GetProperty("Confluent.Kafka").GetString());
        Assert.Equal("1.2.3", root.GetProperty("versions").GetProperty("runner").GetString());
        Assert.Equal(2, root.GetProperty("machine").GetProperty("processorCount").GetInt32());
        Assert.Equal("test-host", root.GetProperty("machine").GetProperty("hostName").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("finished").ValueKind);
        var runs = root.GetProperty("runs");
        Assert.Equal(5, runs.GetArrayLength());
        Assert.Equal("01-delay-sweep-20ms-i1", runs[1].GetProperty("id").GetString());
        Assert.Equal("passed", runs[1].GetProperty("outcome").GetString());
        Assert.Equal("heuristics-miner serve --group g", runs[1].GetProperty("commands")[0].GetString());
        Assert.Equal("20ms", runs[1].GetProperty("faults")[0].GetProperty("parameters").GetProperty("latency").GetString());
        Assert.Equal("30s", runs[1].GetProperty("faults")[0].GetProperty("schedule").GetProperty("start").GetString());
        Assert.Equal(JsonValueKind.Null, runs[4].GetProperty("outcome").ValueKind);
    }

    [Fact]
    public void Machine_info_of_this_process()
    {
        var machine = MachineInfo.Current(new Dictionary<string, string> { ["librdkafka"] = "2.12.0" });
        Assert.Equal(Environment.ProcessorCount, machine.ProcessorCount);
        Assert.True(machine.TotalMemoryBytes > 0);
        Assert.Contains(".NET", machine.DotNetVersion, StringComparison.Ordinal);
        Assert.Equal("2.12.0", machine.ExtraVersions["librdkafka"]);
    }
}
