using System.Text.Json;
using System.Text.RegularExpressions;
using HeuristicsBench.Workloads.Pacing;
using LoadGenerator.Production;
using LoadGenerator.Streams;

namespace LoadGenerator.Tests.Support;

/// <summary>Runs <c>produce</c> in this process, as the command would, and parses its summary line.</summary>
public static partial class ProduceHarness
{
    public static ProduceSettings Settings(string bootstrap, string topic, long? events, LoadShape? pace = null, int maxInFlight = 1000,
        string? truthFile = null, bool clockControl = false) =>
        new(StreamSpec.Of("assembly-line", seed: 7, concurrency: 50) with { Pace = pace },
            bootstrap, topic, topic + ".truth", events, Duration: null, maxInFlight, truthFile, Http: "127.0.0.1:0", clockControl,
            DrainTimeout: TimeSpan.FromSeconds(30), KafkaConfig: new Dictionary<string, string>(), ClientId: "load-generator-test", Quiet: false);

    /// <summary>Starts a run; <see cref="Run.Stderr"/> can be read while it goes on.</summary>
    public static Run Start(ProduceSettings settings, CancellationToken stop = default)
    {
        var stdout = new LineWriter();
        var stderr = new LineWriter();
        return new Run(Task.Run(() => ProduceRunner.RunAsync(settings, stdout, stderr, stop), CancellationToken.None), stdout, stderr);
    }

    public sealed class Run(Task<int> exit, LineWriter stdout, LineWriter stderr)
    {
        public Task<int> Exit { get; } = exit;

        public LineWriter Stdout { get; } = stdout;

        public LineWriter Stderr { get; } = stderr;

        /// <summary>The summary: the last line on standard output, one JSON object.</summary>
        public JsonElement Summary => JsonDocument.Parse(Stdout.Lines[^1]).RootElement.Clone();

        /// <summary>The bound HTTP endpoint, from the "http: ..." line on standard error.</summary>
        public async Task<Uri> HttpAsync()
        {
            Match? match = null;
            await Eventually.WaitAsync(() => (match = HttpLine().Match(Stderr.Text)).Success, "the http: line on standard error");
            return new Uri(match!.Groups[1].Value);
        }

        /// <summary>Waits for the exit code and asserts it, showing standard error when it differs.</summary>
        public async Task ExitsWithAsync(int expected)
        {
            var code = await ExitCodeAsync();
            Assert.True(code == expected, $"exit code {code}, expected {expected}; standard error:\n{Stderr.Text}");
        }

        /// <summary>Waits for the exit code (hang guard: 90 s).</summary>
        public async Task<int> ExitCodeAsync()
        {
            if (await Task.WhenAny(Exit, Task.Delay(TimeSpan.FromSeconds(90))) != Exit)
                throw new TimeoutException("produce did not finish in 90 s; standard error:\n" + Stderr.Text);
            return await Exit;
        }
    }

    [GeneratedRegex(@"^http: (http://\S+)", RegexOptions.Multiline)]
    private static partial Regex HttpLine();
}
