using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HeuristicsBench.EventLogs;
using LoadGenerator.Tests.Support;

namespace LoadGenerator.Tests.Production;

/// <summary>The real executable (<c>dotnet load-generator.dll produce ...</c>) as a child process.</summary>
public sealed class ProduceProcessTests
{
    private static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "load-generator.dll"));
        start.ArgumentList.Add("produce");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start load-generator");
    }

    private static async Task<int> ExitAsync(Process process)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException("load-generator did not exit within 60 s");
        }
        return process.ExitCode;
    }

    [Fact]
    public async Task Sigterm_mid_run_drains_exits_0_and_reports_exactly_what_is_in_the_topic()
    {
        await using var broker = TestBroker.Start();
        broker.CreateTopic("terminated", 3);
        using var process = Start(["--bootstrap", broker.Bootstrap, "--topic", "terminated", "--rate", "3000", "--http", "127.0.0.1:0", "--quiet"]);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => broker.RecordCount("terminated") >= 500 || process.HasExited, "500 events in the topic");
        if (process.HasExited)
            Assert.Fail($"load-generator exited early with {process.ExitCode}: {await stderr}");

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await ExitAsync(process));

        var ids = TopicReader.ReadAll(broker.Bootstrap, "terminated", 3).Select(r =>
        {
            Assert.True(StreamEventJson.TryParse(r.Message.Value, out var e, out var error), error);
            return e!.EventId;
        }).Order().ToList();
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var summary = JsonDocument.Parse(lines[^1]);
        var root = summary.RootElement;
        Assert.Equal("stopped", root.GetProperty("status").GetString());
        Assert.Equal(ids.Count, root.GetProperty("produced").GetInt64());
        Assert.Equal(0, root.GetProperty("unconfirmed").GetInt64());
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => (long)i), ids);
        Assert.Equal(ids[^1], root.GetProperty("lastEventId").GetInt64());
        Assert.Equal(ids.Count, root.GetProperty("partitions").EnumerateObject().Sum(p => p.Value.GetProperty("acked").GetInt64()));
    }

    [Theory]
    [InlineData("--rate", "-5", "--rate must be positive")]
    [InlineData("--bootstrap", "kafka", "--bootstrap kafka: 'kafka' is not HOST:PORT")]
    [InlineData("--max-in-flight", "0", "--max-in-flight 0: must be between 1 and 1,000,000")]
    [InlineData("--kafka-config", "enable.idempotence=false", "--kafka-config enable.idempotence: set by load-generator itself")]
    [InlineData("--topic", "two words", "--topic 'two words': a Kafka topic name is")]
    [InlineData("--duration", "later", "--duration: 'later' is not a duration")]
    [InlineData("LOADGEN_EVENTS", "many", "LOADGEN_EVENTS=many (the default of --events): not a whole number")]
    [InlineData("--truth-topic", "events", "--truth-topic events: must differ from --topic")]
    [InlineData("--model", "nope", "unknown model 'nope'")]
    public async Task Bad_options_exit_2_with_one_message_naming_the_option(string option, string value, string expected)
    {
        // the broker address is never contacted: every case is refused before the producer connects
        string[] arguments = option.StartsWith("--", StringComparison.Ordinal) ? ["--bootstrap", "127.0.0.1:9", option, value] : ["--bootstrap", "127.0.0.1:9"];
        if (option == "--bootstrap")
            arguments = [option, value];
        var environment = option.StartsWith("LOADGEN_", StringComparison.Ordinal) ? new Dictionary<string, string> { [option] = value } : null;
        using var process = Start([.. arguments, "--http", "127.0.0.1:0"], environment);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await ExitAsync(process));
        var error = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", await stdout);
    }
}
