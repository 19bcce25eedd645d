using System.Diagnostics;
using LoadGenerator.Cli;
using LoadGenerator.Generation;
using LoadGenerator.Streams;

namespace LoadGenerator.Tests;

public sealed class GenerateCliTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("hb-generate-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string Path_(string name) => Path.Combine(_temp.FullName, name);

    private static GenerateSettings Settings(string output, string model = "assembly-line", string? truth = null, ulong seed = 1, long events = 2000) =>
        new(StreamSpec.Of(model, seed, concurrency: 50), events, output, GenerateCommand.FormatFromPath(output), truth, Quiet: true);

    private static (int Code, string Err) Run(GenerateSettings settings)
    {
        var stderr = new StringWriter();
        using var stdout = new MemoryStream();
        return (GenerateRunner.Run(settings, stdout, stderr, TestContext.Current.CancellationToken), stderr.ToString());
    }

    [Theory]
    [InlineData("stream.csv")]
    [InlineData("stream.jsonl")]
    [InlineData("stream.xes")]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_does_not(string name)
    {
        Assert.Equal(0, Run(Settings(Path_("a-" + name))).Code);
        Assert.Equal(0, Run(Settings(Path_("b-" + name))).Code);
        Assert.Equal(0, Run(Settings(Path_("c-" + name), seed: 2)).Code);
        Assert.Equal(File.ReadAllBytes(Path_("a-" + name)), File.ReadAllBytes(Path_("b-" + name)));
        Assert.NotEqual(File.ReadAllBytes(Path_("a-" + name)), File.ReadAllBytes(Path_("c-" + name)));
    }

    [Fact]
    public void Csv_has_the_requested_number_of_events_and_the_truth_file_is_written()
    {
        Assert.Equal(0, Run(Settings(Path_("s.csv"), truth: Path_("truth.json"))).Code);
        Assert.Equal(2001, File.ReadAllLines(Path_("s.csv")).Length);
        Assert.Contains("\"segments\"", File.ReadAllText(Path_("truth.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_model_file_names_file_line_and_field_and_leaves_existing_output_alone()
    {
        var model = Path_("bad.yaml");
        File.WriteAllText(model, "name: m\nstart: A\nstates:\n  A:\n    events:\n      - activity: a\n        probability: 1\n        duration: 1s\n        next: C\n");
        var output = Path_("out.csv");
        File.WriteAllText(output, "keep me");

        var (code, err) = Run(Settings(output, model: model));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: {model}:9:", err, StringComparison.Ordinal);
        Assert.Contains("unknown state 'C'", err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(output));
        Assert.Equal(["bad.yaml", "out.csv"], _temp.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_process_tree_file_is_one_located_error_not_a_crash()
    {
        var model = Path_("bad.ptree");
        File.WriteAllText(model, "->( 'a', X( 'b' \n");
        var (code, err) = Run(Settings(Path_("out.csv"), model: model));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: {model}:2:1: unexpected end of text", err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path_("out.csv")));
    }

    [Fact]
    public void Unknown_models_and_unwritable_outputs_are_named()
    {
        var (code, err) = Run(Settings(Path_("x.csv"), model: "no-such-model"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown model 'no-such-model'", err, StringComparison.Ordinal);
        Assert.Contains("assembly-line", err, StringComparison.Ordinal);

        (code, err) = Run(Settings(Path_("missing/x.csv")));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);

        (code, err) = Run(Settings(_temp.FullName));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("is a directory", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--noise-swap", "2", "--noise-swap 2: must be in [0, 1]")]
    [InlineData("--concurrency", "0", "--concurrency must be at least 1")]
    [InlineData("--shape", "burst:3", "not a load shape")]
    [InlineData("--format", "parquet", "'parquet'")]
    [InlineData("--case-prefix", "run 2", "--case-prefix 'run 2': must not contain whitespace")]
    public async Task The_executable_rejects_bad_options_with_exit_code_2(string option, string value, string expected)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "load-generator.dll"), "generate", "--out", Path_("x.csv"), option, value })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var err = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(60_000));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path_("x.csv")));
    }
}

public sealed class GenerateCommandParsingTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("hb-generate-parse-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static int Invoke(params string[] args)
    {
        var root = new System.CommandLine.RootCommand { GenerateCommand.Create() };
        return root.Parse(args).Invoke();
    }

    [Fact]
    public void Replay_without_events_replays_the_whole_log()
    {
        var log = Path.Combine(_temp.FullName, "big.csv");
        File.WriteAllLines(log, ["case_id,activity", .. Enumerable.Range(0, 100_005).Select(i => $"c{i % 500},a{i % 7}")]);
        var output = Path.Combine(_temp.FullName, "out.csv");
        Assert.Equal(0, Invoke("generate", "--replay", log, "--out", output, "-q"));
        Assert.Equal(100_006, File.ReadLines(output).Count());
        Assert.Equal(0, Invoke("generate", "--replay", log, "--out", output, "-q", "--events", "10"));
        Assert.Equal(11, File.ReadLines(output).Count());
    }

    [Theory]
    [InlineData("--drift-to", "running-example", "--drift-at", "0")]
    [InlineData("--out-gz", "", "", "")]
    public void Drift_outside_the_stream_and_compressed_outputs_are_refused(string a, string b, string c, string d)
    {
        var output = Path.Combine(_temp.FullName, a == "--out-gz" ? "s.xes.gz" : "s.csv");
        string[] args = a == "--out-gz" ? ["generate", "--out", output, "-q"] : ["generate", "--out", output, "-q", a, b, c, d];
        Assert.Equal(ExitCodes.BadInput, Invoke(args));
        Assert.False(File.Exists(output));
    }
}
