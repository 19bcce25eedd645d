using System.Text.Json;
using System.Xml.Linq;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Cli;
using HeuristicsMiner.Mining;

namespace HeuristicsMiner.Tests.Cli;

public sealed class MineCliTests : IDisposable
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "TestData");
    private static readonly ModelThresholds Loose = new(DependencyThreshold: 0.5, PositiveObservations: 1);
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("hb-mine-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static MineSettings Settings(string input, ModelFormat format = ModelFormat.Json, string? output = null,
        double epsilon = 0.001, SummaryVariant variant = SummaryVariant.LossyCounting) =>
        new(input, new SummaryOptions(variant, epsilon, Budget: 50, WindowSize: 20), Loose, new EventLogReadOptions(), format, output, Quiet: true);

    private static (int Code, string Out, string Err) Run(MineSettings settings)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = MineCli.Run(settings, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Running_example_counts_equal_the_directly_follows_counts_computed_independently()
    {
        var (code, json, _) = Run(Settings(Path.Combine(Data, "running-example.xes"), epsilon: 0));
        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(json);
        var relations = doc.RootElement.GetProperty("relations").EnumerateArray()
            .Select(r => $"{r.GetProperty("from").GetString()}>{r.GetProperty("to").GetString()}:{r.GetProperty("frequency").GetInt64()}");
        Assert.Equal(
        [
            "check ticket>decide:6", "check ticket>examine casually:2", "check ticket>examine thoroughly:1",
            "decide>pay compensation:3", "decide>reinitiate request:3", "decide>reject request:3",
            "examine casually>check ticket:4", "examine casually>decide:2", "examine thoroughly>check ticket:2",
            "examine thoroughly>decide:1", "register request>check ticket:2", "register request>examine casually:3",
            "register request>examine thoroughly:1", "reinitiate request>check ticket:1",
            "reinitiate request>examine casually:1", "reinitiate request>examine thoroughly:1",
        ], relations);
        Assert.Equal(42, doc.RootElement.GetProperty("eventsProcessed").GetInt64());
    }

    [Fact]
    public void Running_example_net_has_the_textbook_structure()
    {
        var (_, json, _) = Run(Settings(Path.Combine(Data, "running-example.xes")));
        var net = HeuristicsMiner.Algorithm.Export.ModelJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(json)).Net;
        Assert.Equal(["register request"], net.StartActivities);
        Assert.Equal(["pay compensation", "reject request"], net.EndActivities);
        var register = net.Nodes.Single(n => n.Name == "register request");
        // check ticket runs in parallel with one of the two examinations.
        Assert.Equal([["check ticket", "examine casually"], ["check ticket", "examine thoroughly"]],
            register.OutputBindings.Select(b => b.ToArray()).ToArray());
        var decide = net.Nodes.Single(n => n.Name == "decide");
        Assert.Equal([["pay compensation"], ["reinitiate request"], ["reject request"]],
            decide.OutputBindings.Select(b => b.ToArray()).ToArray());
    }

    [Fact]
    public void Csv_and_xes_of_the_same_log_give_identical_json()
    {
        var fromXes = Run(Settings(Path.Combine(Data, "running-example.xes"))).Out;
        var fromCsv = Run(Settings(Path.Combine(Data, "running-example.csv"))).Out;
        Assert.Equal(fromXes, fromCsv);
    }

    [Theory]
    [InlineData(SummaryVariant.LossyCountingWithBudget, "budget")]
    [InlineData(SummaryVariant.SlidingWindow, "windowSize")]
    public void Variants_are_selectable_and_recorded(SummaryVariant variant, string property)
    {
        var (code, json, _) = Run(Settings(Path.Combine(Data, "running-example.csv"), variant: variant));
        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(json);
        Assert.True(doc.RootElement.TryGetProperty(property, out _));
        Assert.True(doc.RootElement.GetProperty("eventsProcessed").GetInt64() == 42);
    }

    [Fact]
    public void Pnml_and_dot_are_written_to_the_output_file()
    {
        var pnml = Path.Combine(_temp.FullName, "model.pnml");
        Assert.Equal(ExitCodes.Success, Run(Settings(Path.Combine(Data, "running-example.xes"), ModelFormat.Pnml, pnml)).Code);
        var doc = XDocument.Load(pnml);
        var labels = doc.Descendants("transition").Select(t => t.Element("name")?.Element("text")?.Value).ToHashSet();
        Assert.Contains("register request", labels);
        Assert.Single(doc.Descendants("finalmarkings"));

        var dot = Path.Combine(_temp.FullName, "model.dot");
        Assert.Equal(ExitCodes.Success, Run(Settings(Path.Combine(Data, "running-example.xes"), ModelFormat.Dot, dot)).Code);
        Assert.StartsWith("digraph", File.ReadAllText(dot), StringComparison.Ordinal);
        Assert.Equal(["model.dot", "model.pnml"], _temp.GetFiles().Select(f => f.Name).Order().ToArray());
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "empty-case.csv", "case_id,activity\n1,a\n,b\n", ":3: empty case id" },
        { "no-column.csv", "caseid,activity\n1,a\n", ":1: missing required column 'case_id'" },
        { "broken.xes", "<log><trace><string key=\"concept:name\" value=\"1\"/>\n<event>", ":2:" },
        { "nameless.xes", "<log>\n<trace><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>", ":2" },
        { "bad.xes.gz", "this is not gzip", "not a valid gzip file" },
        { "events.txt", "whatever", ".csv, .xes, .xes.gz" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_gives_one_line_naming_the_file_exit_2_and_leaves_the_output_untouched(string name, string content, string detail)
    {
        var input = Path.Combine(_temp.FullName, name);
        File.WriteAllText(input, content);
        var output = Path.Combine(_temp.FullName, "out.json");
        File.WriteAllText(output, "previous model");

        var (code, stdout, stderr) = Run(Settings(input, output: output));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {input}", line, StringComparison.Ordinal);
        Assert.Contains(detail, line, StringComparison.Ordinal);
        Assert.Equal("previous model", File.ReadAllText(output));
        Assert.Equal([name, "out.json"], _temp.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void An_output_that_is_a_directory_is_refused_before_mining()
    {
        var (code, _, stderr) = Run(Settings(Path.Combine(Data, "running-example.csv"), output: _temp.FullName));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: --output {_temp.FullName}: is a directory", stderr.Trim());
    }

    [Fact]
    public void Missing_input_and_missing_output_directory_are_named()
    {
        var missing = Path.Combine(_temp.FullName, "nope.csv");
        var (code, _, stderr) = Run(Settings(missing));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{missing}: no such file", stderr, StringComparison.Ordinal);

        var (code2, _, stderr2) = Run(Settings(Path.Combine(Data, "running-example.csv"), output: Path.Combine(_temp.FullName, "no", "x.json")));
        Assert.Equal(ExitCodes.BadInput, code2);
        Assert.Contains("does not exist", stderr2, StringComparison.Ordinal);
    }
}
