using System.CommandLine;
using System.Text.RegularExpressions;
using HeuristicsMiner.Cli;

namespace HeuristicsMiner.Tests.Cli;

/// <summary><c>serve</c>'s option defaults from environment variables, parsed in-process with a prefix of the test's own.</summary>
public sealed partial class ServeEnvironmentTests : IDisposable
{
    // not MINER_: setting variables must not affect another test or a child process started meanwhile
    private readonly string _prefix = "HBTEST" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_";
    private readonly List<string> _set = [];

    public void Dispose()
    {
        foreach (var name in _set)
            Environment.SetEnvironmentVariable(name, null);
    }

    private void Set(string name, string value)
    {
        _set.Add(_prefix + name);
        Environment.SetEnvironmentVariable(_prefix + name, value);
    }

    private ParseResult Parse(params string[] args) => new RootCommand { ServeCommand.Create(_prefix) }.Parse(["serve", .. args]);

    [Fact]
    public void Variables_set_the_defaults_and_the_command_line_still_wins()
    {
        Set("PUBLISH_EVERY_EVENTS", "100");
        Set("CLOCK_CONTROL", "yes");
        Set("VARIANT", "sw");
        Set("BOOTSTRAP", "kafka:9093");

        var fromEnvironment = Parse();
        Assert.Empty(fromEnvironment.Errors);
        Assert.Equal(100, fromEnvironment.GetValue<long>("--publish-every-events"));
        Assert.True(fromEnvironment.GetValue<bool>("--enable-clock-control"));
        Assert.Equal("sw", fromEnvironment.GetValue<string>("--variant"));
        Assert.Equal("kafka:9093", fromEnvironment.GetValue<string>("--bootstrap"));
        Assert.Equal("lcb", Parse("--variant", "lcb").GetValue<string>("--variant"));
        Assert.Equal(7, Parse("--publish-every-events", "7").GetValue<long>("--publish-every-events"));
    }

    [Theory]
    [InlineData("VARIANT", "xx", "VARIANT=xx (the default of --variant): use one of lc, lcb, sw")]
    [InlineData("MODEL_PAYLOAD", "xml", "MODEL_PAYLOAD=xml (the default of --model-payload): use one of json, paper-petri-net")]
    [InlineData("EPSILON", "1.5", "EPSILON=1.5 (the default of --epsilon): must be in [0, 1) (0 = exact counting)")]
    [InlineData("MAX_EVENT_BYTES", "10", "MAX_EVENT_BYTES=10 (the default of --max-event-bytes): must be at least 64")]
    [InlineData("CHECKPOINT_EVERY_EVENTS", "1e5", "CHECKPOINT_EVERY_EVENTS=1e5 (the default of --checkpoint-every-events): not a whole number")]
    [InlineData("CHECKPOINT_STORE", "s3:x", "CHECKPOINT_STORE=s3:x (the default of --checkpoint-store): --checkpoint-store 's3:x' is not understood: use 'kafka' (a topic per consumer group) or 'dir:PATH'")]
    [InlineData("HTTP", "nowhere", "HTTP=nowhere (the default of --http): --http: HTTP listen address 'nowhere' is not HOST:PORT (port 0-65535, IPv6 as [::1]:PORT)")]
    [InlineData("CLOCK_CONTROL", "maybe", "CLOCK_CONTROL=maybe (the default of --enable-clock-control): not true or false")]
    public void A_bad_value_is_one_error_naming_the_variable_and_the_option(string name, string value, string expected)
    {
        Set(name, value);

        var error = Assert.Single(Parse().Errors);
        Assert.Equal(_prefix + expected, error.Message);
    }

    [Fact]
    public void A_bad_variable_is_no_error_when_the_command_line_gives_the_option()
    {
        Set("VARIANT", "xx");
        Set("EPSILON", "2");

        Assert.Empty(Parse("--variant", "lc", "--epsilon", "0.01").Errors);
    }

    [Fact]
    public void Typed_values_are_checked_and_named_as_options()
    {
        Assert.Contains(Parse("--variant", "xx").Errors, e => e.Message.Contains("'xx'", StringComparison.Ordinal));
        Assert.Contains(Parse("--epsilon", "1.5").Errors, e => e.Message == "--epsilon 1.5: must be in [0, 1) (0 = exact counting)");
    }

    [Fact]
    public void The_readme_lists_exactly_the_variables_serve_reads()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HeuristicsBench.sln")))
            root = root.Parent;
        Assert.NotNull(root);
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md"));
        var section = readme[readme.IndexOf("## `serve`", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var documented = MinerVariable().Matches(section).Select(m => m.Value).ToHashSet();

        var read = ServeCommand.Create().Options
            .Select(o => EnvSuffix().Match(o.Description ?? "")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(documented.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"MINER_[A-Z_]*[A-Z]")]
    private static partial Regex MinerVariable();

    [GeneratedRegex(@"\[env (MINER_[A-Z_]+)\]$")]
    private static partial Regex EnvSuffix();
}
