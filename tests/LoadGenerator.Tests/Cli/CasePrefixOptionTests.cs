using System.CommandLine;
using HeuristicsBench.Cli;
using LoadGenerator.Cli;
using LoadGenerator.Production;
using LoadGenerator.Streams;

namespace LoadGenerator.Tests.Cli;

public sealed class CasePrefixOptionTests : IDisposable
{
    // a variable prefix of this test's own, so that setting variables cannot affect another test (or a child process)
    private readonly string _prefix = "HBTEST" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_";
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("hb-case-prefix-");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_prefix + "CASE_PREFIX", null);
        _temp.Delete(recursive: true);
    }

    private static int Generate(params string[] args) => new RootCommand { GenerateCommand.Create() }.Parse(["generate", .. args]).Invoke();

    private static string[] CaseIds(string csv) => [.. File.ReadLines(csv).Skip(1).Select(l => l.Split(',')[0])];

    [Fact]
    public void Generate_names_cases_with_the_prefix_and_keeps_case_underscore_by_default()
    {
        var prefixed = Path.Combine(_temp.FullName, "prefixed.csv");
        var plain = Path.Combine(_temp.FullName, "plain.csv");

        Assert.Equal(0, Generate("--out", prefixed, "-q", "--events", "200", "--case-prefix", "run2-"));
        Assert.Equal(0, Generate("--out", plain, "-q", "--events", "200"));

        var ids = CaseIds(prefixed);
        Assert.Equal(200, ids.Length);
        Assert.All(ids, id => Assert.Matches("^run2-[0-9]+$", id));
        // only the prefix differs: the same seed gives the same numbers
        Assert.Equal(CaseIds(plain), ids.Select(id => "case_" + id["run2-".Length..]));
    }

    [Fact]
    public void A_replayed_log_keeps_its_ids_unless_a_prefix_is_given()
    {
        var log = Path.Combine(_temp.FullName, "log.csv");
        File.WriteAllLines(log, ["case_id,activity", "c1,a", "c2,a", "c1,b"]);
        var output = Path.Combine(_temp.FullName, "out.csv");

        Assert.Equal(0, Generate("--replay", log, "--out", output, "-q"));
        Assert.Equal(["c1", "c2", "c1"], CaseIds(output));
        Assert.Equal(0, Generate("--replay", log, "--out", output, "-q", "--case-prefix", "second."));
        Assert.Equal(["second.c1", "second.c2", "second.c1"], CaseIds(output));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("run 2", "must not contain whitespace or control characters (U+0020 at position 4)")]
    [InlineData("tab\t", "U+0009")]
    [InlineData("bell\u0007", "'bell\\u0007': must not contain whitespace or control characters (U+0007 at position 5)")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123x", "is 65 characters long; at most 64")]
    public void Bad_prefixes_are_refused_by_generate_and_produce_naming_the_option(string prefix, string expected)
    {
        foreach (var command in new[] { GenerateCommand.Create(), ProduceCommand.Create() })
        {
            var parse = new RootCommand { command }.Parse([command.Name, "--out", Path.Combine(_temp.FullName, "x.csv"), "--case-prefix", prefix]);
            var error = Assert.Single(parse.Errors, e => e.Message.StartsWith("--case-prefix", StringComparison.Ordinal));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_prefix_of_64_characters_is_accepted()
    {
        var parse = new RootCommand { GenerateCommand.Create() }.Parse(["generate", "--out", "x.csv", "--case-prefix", new string('p', 64)]);
        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void Produce_takes_its_default_from_LOADGEN_CASE_PREFIX()
    {
        var option = Assert.Single(ProduceCommand.Create().Options, o => o.Name == "--case-prefix");
        Assert.EndsWith("[env LOADGEN_CASE_PREFIX]", option.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_default_reaches_the_stream_and_the_command_line_still_wins()
    {
        Environment.SetEnvironmentVariable(_prefix + "CASE_PREFIX", "env_");
        var stream = new StreamOptions(OptionDefaults.FromEnvironment(_prefix));
        var command = new RootCommand();
        stream.AddTo(command);

        var fromEnvironment = command.Parse([]);
        Assert.Empty(fromEnvironment.Errors);
        Assert.Equal("env_", stream.Read(fromEnvironment).CasePrefix);
        Assert.Equal("cli_", stream.Read(command.Parse(["--case-prefix", "cli_"])).CasePrefix);
    }

    [Fact]
    public void A_bad_environment_value_is_refused_like_an_argument()
    {
        Environment.SetEnvironmentVariable(_prefix + "CASE_PREFIX", "two words");
        var stream = new StreamOptions(OptionDefaults.FromEnvironment(_prefix));
        var command = new RootCommand();
        stream.AddTo(command);

        var error = Assert.Single(command.Parse([]).Errors);
        Assert.Contains("--case-prefix 'two words'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_events_produce_sends_carry_the_prefix()
    {
        var spec = StreamSpec.Of("running-example", seed: 3, concurrency: 5) with { CasePrefix = "incarnation2/" };

        var events = EventPlan.Create(spec, 100).Events.ToList();

        Assert.Equal(100, events.Count);
        Assert.All(events, e => Assert.StartsWith("incarnation2/", e.CaseId, StringComparison.Ordinal));
    }
}
