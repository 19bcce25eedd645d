using System.Globalization;
using ChaosRunner;
using ChaosRunner.Analyze;
using HeuristicsBench.Analysis.Paper;

namespace HeuristicsBench.Analysis.Tests.Cli;

public sealed class AnalyzeCliTests : IDisposable
{
    private static readonly string Runs = Path.Combine(AppContext.BaseDirectory, "TestData", "paper-runs");
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("hb-analyze-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static (int Code, string Out, string Err) Run(string directory, AnalyzeFormat format, string pattern = "*.log")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = AnalyzeCli.Run(new AnalyzeSettings(directory, pattern, format, new PaperRecoveryOptions()), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Csv_has_the_header_and_exactly_one_row_per_log_file()
    {
        var (code, csv, err) = Run(Runs, AnalyzeFormat.Csv);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(err);
        var lines = csv.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        lines = lines[..^1];
        Assert.Equal("file,events,mean_recovery_s", lines[0]);
        var expectedFiles = Directory.GetFiles(Runs, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expectedFiles, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Equal(3, l.Split(',').Length));
    }

    [Fact]
    public void Csv_rows_of_ex1_carry_events_means_and_the_skip_marker()
    {
        var (code, csv, _) = Run(Runs, AnalyzeFormat.Csv, "single_pod_failure_*.log");
        Assert.Equal(ExitCodes.Success, code);
        var rows = csv.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal(["single_pod_failure_2024-12-20_01-43-24.log", "skipped", ""], rows[1]);
        double[] expected = [63.37000000476837, 50.08633335431417, 56.339000046253204];
        var analysed = rows.Where(r => r[1] != "skipped").ToArray();
        Assert.Equal(["4", "3", "4"], analysed.Select(r => r[1]));
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], double.Parse(analysed[i][2], CultureInfo.InvariantCulture), 1e-6);
    }

    [Fact]
    public void Table_shows_every_log_and_the_ex1_mean_of_per_file_means()
    {
        var (code, table, _) = Run(Runs, AnalyzeFormat.Table, "single_pod_failure_*.log");
        Assert.Equal(ExitCodes.Success, code);
        var lines = table.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("file ", StringComparison.Ordinal) && l.Contains("mean_recovery_s", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("single_pod_failure_2024-12-20_01-43-24.log", StringComparison.Ordinal) && l.Contains("skipped: 0 rows < 300", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("single_pod_failure_2024-12-19_00-08-17.log", StringComparison.Ordinal) && l.Contains("63.370", StringComparison.Ordinal));
        var summary = Assert.Single(lines, l => l.StartsWith("Mean of per-file means: ", StringComparison.Ordinal));
        double mean = double.Parse(summary.Split(' ')[4], CultureInfo.InvariantCulture);
        Assert.Equal(56.59844446844525, mean, 1e-6);
        Assert.Contains("(3 of 4 logs have recovery spans)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_without_spans_has_zero_events_and_an_empty_mean()
    {
        Write("flat.log", "Metric,Time,Value\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"m,{i},7\n")));
        var (code, csv, _) = Run(_temp.FullName, AnalyzeFormat.Csv);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("file,events,mean_recovery_s\nflat.log,0,\n", csv);
        var (_, table, _) = Run(_temp.FullName, AnalyzeFormat.Table);
        Assert.Contains("Mean of per-file means: none (1 logs, none with a recovery span).", table, StringComparison.Ordinal);
    }

    [Fact]
    public void File_names_with_commas_are_quoted()
    {
        Write("a,b.log", "Metric,Time,Value\n");
        var (_, csv, _) = Run(_temp.FullName, AnalyzeFormat.Csv);
        Assert.Equal("file,events,mean_recovery_s\n\"a,b.log\",skipped,\n", csv);
    }

    [Fact]
    public void A_missing_directory_is_one_error_line_and_exit_code_2()
    {
        string missing = Path.Combine(_temp.FullName, "nope");
        var (code, stdout, stderr) = Run(missing, AnalyzeFormat.Csv);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        Assert.Equal($"error: directory not found: {missing}\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_directory_without_matching_files_is_an_error()
    {
        Write("notes.txt", "hello");
        var (code, stdout, stderr) = Run(_temp.FullName, AnalyzeFormat.Table);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        Assert.Contains("no files matching '*.log'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_line_names_the_file_and_line_and_nothing_is_printed()
    {
        Write("a-good.log", "Metric,Time,Value\nm,1,2\n");
        string bad = Write("b-bad.log", "Metric,Time,Value\nm,1,2\nm,2,lots\n");
        var (code, stdout, stderr) = Run(_temp.FullName, AnalyzeFormat.Csv);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        Assert.Equal($"error: {bad}:3: Value 'lots' is not a finite number\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_real_executable_exits_with_2_on_bad_usage_and_bad_input_and_0_on_the_paper_logs()
    {
        Assert.Equal(ExitCodes.BadInput, Exe("analyze", Runs, "--format", "xml").Code);
        Assert.Equal(ExitCodes.BadInput, Exe("analyze", Runs, "--min-rows", "-1").Code);
        var missing = Exe("analyze", Path.Combine(_temp.FullName, "nope"));
        Assert.Equal(ExitCodes.BadInput, missing.Code);
        Assert.StartsWith("error: directory not found: ", missing.Err, StringComparison.Ordinal);

        var ok = Exe("analyze", Runs, "--format", "csv", "--pattern", "single_pod_failure_*.log");
        Assert.Equal(ExitCodes.Success, ok.Code);
        Assert.Equal(5, ok.Out.TrimEnd('\n').Split('\n').Length);
    }

    private static (int Code, string Out, string Err) Exe(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heuristics-bench.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start heuristics-bench");
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }
}
