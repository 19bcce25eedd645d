using System.CommandLine;
using HeuristicsBench.Cli;
using LoadGenerator.Cli;

namespace LoadGenerator.Tests.Cli;

public sealed class OptionDefaultsTests : IDisposable
{
    // a prefix of this test's own, so that setting variables cannot affect another test running in parallel
    private readonly string _prefix = "HBTEST" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_";

    public void Dispose()
    {
        foreach (var name in new[] { "MAX_IN_FLIGHT", "RATE", "KAFKA_CONFIG", "QUIET" })
            Environment.SetEnvironmentVariable(_prefix + name, null);
    }

    [Fact]
    public void A_variable_named_after_the_option_replaces_the_default_and_the_command_line_still_wins()
    {
        Environment.SetEnvironmentVariable(_prefix + "MAX_IN_FLIGHT", "42");
        Environment.SetEnvironmentVariable(_prefix + "KAFKA_CONFIG", "linger.ms=20; debug=broker,msg");
        Environment.SetEnvironmentVariable(_prefix + "QUIET", "yes");
        var defaults = OptionDefaults.FromEnvironment(_prefix);
        var inFlight = defaults.Set(new Option<int>("--max-in-flight"), 7);
        var config = defaults.Set(new Option<string[]>("--kafka-config"), []);
        var quiet = defaults.Set(new Option<bool>("--quiet"), false);
        var rate = defaults.Set(new Option<double?>("--rate"), null);
        var command = new RootCommand { inFlight, config, quiet, rate };

        var fromEnvironment = command.Parse([]);
        Assert.Empty(fromEnvironment.Errors);
        Assert.Equal(42, fromEnvironment.GetValue(inFlight));
        Assert.Equal(["linger.ms=20", "debug=broker,msg"], fromEnvironment.GetValue(config)!);
        Assert.True(fromEnvironment.GetValue(quiet));
        Assert.Null(fromEnvironment.GetValue(rate));
        Assert.Equal(3, command.Parse(["--max-in-flight", "3"]).GetValue(inFlight));
        Assert.Contains(("--max-in-flight", _prefix + "MAX_IN_FLIGHT"), defaults.Variables);
        Assert.EndsWith($"[env {_prefix}MAX_IN_FLIGHT]", inFlight.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_that_does_not_parse_is_a_parse_error_naming_the_variable_and_the_option()
    {
        Environment.SetEnvironmentVariable(_prefix + "RATE", "fast");
        var defaults = OptionDefaults.FromEnvironment(_prefix);
        var rate = defaults.Set(new Option<double?>("--rate"), null);
        var command = new RootCommand { rate };
        defaults.ReportProblems(command);

        var error = Assert.Single(command.Parse([]).Errors);
        Assert.Equal($"{_prefix}RATE=fast (the default of --rate): not a number", error.Message);
    }

    [Fact]
    public void Built_in_defaults_ignore_the_environment()
    {
        Environment.SetEnvironmentVariable(_prefix + "MAX_IN_FLIGHT", "42");
        var inFlight = OptionDefaults.BuiltIn().Set(new Option<int>("--max-in-flight"), 7);
        Assert.Equal(7, new RootCommand { inFlight }.Parse([]).GetValue(inFlight));
    }

    [Theory]
    [InlineData("localhost:9092", null)]
    [InlineData("a:1,b:2,[::1]:9092", null)]
    [InlineData("kafka", "'kafka' is not HOST:PORT")]
    [InlineData("a:1,b", "'b' is not HOST:PORT")]
    [InlineData("a:0", "'a:0' is not HOST:PORT")]
    [InlineData(":9092", "':9092' is not HOST:PORT")]
    public void Bootstrap_servers_are_host_port_lists(string text, string? problem)
    {
        var found = ProduceCommand.BootstrapProblem(text);
        if (problem is null)
            Assert.Null(found);
        else
            Assert.Contains(problem, found, StringComparison.Ordinal);
    }
}
