using System.Diagnostics;

namespace HeuristicsMiner.Tests.Cli;

/// <summary>The real executable: option validation and usage errors exit with 2 and say what is wrong.</summary>
public class ProgramTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heuristics-miner.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "heuristics-miner did not exit within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Theory]
    [InlineData("--epsilon", "1.5", "--epsilon 1.5: must be in [0, 1)")]
    [InlineData("--variant", "foo", "'foo'")]
    [InlineData("--positive-observations", "-1", "--positive-observations -1")]
    [InlineData("--budget", "2", "--budget 2: must be at least 3")]
    public void Invalid_option_values_exit_2_naming_the_option(string option, string value, string expected)
    {
        var (code, _, stderr) = Run("mine", "--input", Path.Combine(AppContext.BaseDirectory, "TestData", "running-example.csv"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Mining_the_running_example_prints_json_and_statistics()
    {
        var (code, stdout, stderr) = Run("mine", "--input", Path.Combine(AppContext.BaseDirectory, "TestData", "running-example.xes"));
        Assert.Equal(0, code);
        Assert.StartsWith("{\"eventsProcessed\":42,", stdout, StringComparison.Ordinal);
        Assert.Contains("mined 42 events", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_exits_2_when_the_checkpoint_store_producer_refuses_the_producer_settings()
    {
        // the Kafka store (the default) builds its producer from --producer-config before any connection is made
        var (code, _, stderr) = Run("serve", "--bootstrap", "127.0.0.1:1", "--http", "127.0.0.1:0", "--producer-config", "no.such.property=1");
        Assert.Equal(2, code);
        Assert.Contains("the producer settings (--producer-config) are not valid for the checkpoint store", stderr, StringComparison.Ordinal);
        Assert.Contains("no.such.property", stderr, StringComparison.Ordinal);
    }
}
