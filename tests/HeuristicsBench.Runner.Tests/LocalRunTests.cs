using System.Diagnostics;
using ChaosRunner.Run;

namespace HeuristicsBench.Runner.Tests;

/// <summary>
/// `run` end to end with real child processes (broker, miner, generator) on 127.0.0.1: faults of every local kind
/// are applied and removed, the checkers pass, the results directory is complete, and nothing outlives the run,
/// also when it is interrupted.
/// </summary>
[Collection(ChildProcessTests.Name)]
public sealed class LocalRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hb-runner-tests-" + Guid.NewGuid().ToString("N")[..8]);

    private string Experiment(string name, string yaml)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, name + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private RunSettings Settings(string file) =>
        new(file, Path.Combine(_root, "results"), "local", Quiet: true, TimeSpan.FromSeconds(60), null, KeepWork: false, "test");

    [Fact]
    public async Task A_run_with_kill_delay_skew_and_broker_restart_passes_every_checker_and_writes_its_results()
    {
        var file = Experiment("e2e", """
            name: e2e
            workload: { model: assembly-line, rate: 100, duration: 14s, seed: 5 }
            system: { partitions: 3, checkpointInterval: 1s }
            hypothesis: { maxLag: 100000, window: 3s }
            scenarios:
              - name: chaos
                faults:
                  - kind: network-delay
                    target: generator
                    latency: 50ms
                    schedule: { start: 2s, duration: 3s }
                  - kind: pod-kill
                    target: miner
                    schedule: { start: 3s }
                  - kind: clock-skew
                    target: miner
                    offset: -1m
                    schedule: { start: 7s, duration: 2s }
                  - kind: broker-kill
                    schedule: { start: 9s, duration: 1s }
            """);
        var exit = await RunCli.RunAsync(Settings(file), CancellationToken.None);

        var dir = Directory.GetDirectories(Path.Combine(_root, "results", "e2e")).Single();
        var run = Path.Combine(dir, "runs", "00-chaos-i1");
        var checks = File.ReadAllLines(Path.Combine(run, "checks.csv"));
        Assert.True(exit == 0, $"exit {exit}\n{string.Join('\n', checks)}\n{Logs(run)}");
        Assert.Equal(5, checks.Length);
        var faults = File.ReadAllLines(Path.Combine(run, "faults.csv"));
        Assert.Equal(5, faults.Length);
        Assert.Contains(faults, l => l.Contains("pod-kill", StringComparison.Ordinal) && l.Contains("restarted as pid", StringComparison.Ordinal));
        Assert.Contains(faults, l => l.Contains("broker-kill", StringComparison.Ordinal) && l.Contains("restarted broker", StringComparison.Ordinal));
        var metrics = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        Assert.Equal("Metric,Time,Value", metrics[0]);
        Assert.Contains(metrics, l => l.StartsWith("Lag_Input_Topic,", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.StartsWith("Fidelity_F1,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(run, "model.json")));
        Assert.True(File.Exists(Path.Combine(dir, "summary.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        Assert.True(File.Exists(Path.Combine(dir, "manifest.json")));
        Assert.Empty(ProcessesOf());
    }

    [Fact]
    public async Task An_interrupted_run_stops_every_child_process_and_removes_its_faults()
    {
        var file = Experiment("halt", """
            name: halt
            workload: { model: assembly-line, rate: 100, duration: 2m, seed: 5 }
            system: { partitions: 2 }
            scenarios:
              - name: stuck
                faults:
                  - kind: pod-failure
                    target: miner
                    schedule: { start: 2s, duration: 1m }
                  - kind: cpu-stress
                    target: miner
                    threads: 1
                    percent: 20
                    schedule: { start: 1s }
            """);
        using var cancel = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var running = RunCli.RunAsync(Settings(file), cancel.Token);
        await WaitUntil(() => ProcessesOf().Count >= 3, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await cancel.CancelAsync();
        var exit = await running.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
        Assert.Equal(1, exit);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(110), $"took {watch.Elapsed}");
        Assert.Empty(ProcessesOf());
        var dir = Directory.GetDirectories(Path.Combine(_root, "results", "halt")).Single();
        var checks = File.ReadAllText(Path.Combine(dir, "runs", "00-stuck-i1", "checks.csv"));
        Assert.Contains("no-orphan-processes,true", checks, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_abort_condition_halts_the_faults_at_once_ends_the_run_early_and_is_recorded()
    {
        var file = Experiment("abort", """
            name: abort
            workload: { model: assembly-line, rate: 200, duration: 60s, seed: 3 }
            system: { partitions: 2, checkpointInterval: 1s }
            abort:
              - lagAbove: 300
                for: 2s
            scenarios:
              - name: blackhole
                faults:
                  - kind: network-partition
                    target: miner
                    schedule: { start: 3s, duration: 50s }
            """);
        var watch = Stopwatch.StartNew();
        var exit = await RunCli.RunAsync(Settings(file), TestContext.Current.CancellationToken);
        var dir = Directory.GetDirectories(Path.Combine(_root, "results", "abort")).Single();
        var run = Path.Combine(dir, "runs", "00-blackhole-i1");
        var summary = File.ReadAllText(Path.Combine(dir, "summary.csv"));
        Assert.Contains("aborted: lag above 300 for 2 s", summary, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(50), $"the run went on for {watch.Elapsed} after the abort");
        var fault = File.ReadAllLines(Path.Combine(run, "faults.csv"))[1];
        Assert.Contains("removed by halt", fault, StringComparison.Ordinal);
        // After the halt the miner reaches the broker again and catches up: nothing lost or counted twice.
        Assert.True(exit == 0, $"exit {exit}\n{File.ReadAllText(Path.Combine(run, "checks.csv"))}\n{Logs(run)}");
        Assert.Empty(ProcessesOf());
    }

    [Fact]
    public async Task Parallel_runs_each_get_their_own_broker_ports_and_proxies_and_all_pass()
    {
        var file = Experiment("parallel", """
            name: parallel
            workload: { model: running-example, rate: 100, duration: 8s, seed: 11 }
            system: { partitions: 2, checkpointInterval: 1s }
            execution: { iterations: 2, mode: parallel }
            scenarios:
              - name: lossy
                faults:
                  - kind: packet-loss
                    target: miner
                    percent: 20
                    schedule: { start: 2s, duration: 3s }
            """);
        var exit = await RunCli.RunAsync(Settings(file), TestContext.Current.CancellationToken);
        var dir = Directory.GetDirectories(Path.Combine(_root, "results", "parallel")).Single();
        var summary = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        Assert.True(exit == 0, $"exit {exit}\n{string.Join('\n', summary)}");
        Assert.Equal(3, summary.Length);
        Assert.All(summary.Skip(1), row => Assert.Contains(",passed,", row, StringComparison.Ordinal));
        Assert.Empty(ProcessesOf());
    }

    /// <summary>Live child processes of this test process running one of our CLIs (the runner starts them all directly).</summary>
    private static List<int> ProcessesOf()
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z" || int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) != Environment.ProcessId)
                    continue;
                var cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmd.Contains("heuristics-bench.dll", StringComparison.Ordinal) || cmd.Contains("heuristics-miner.dll", StringComparison.Ordinal) ||
                    cmd.Contains("load-generator.dll", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the run's processes");
            await Task.Delay(200);
        }
    }

    private static string Logs(string run)
    {
        var logs = Path.Combine(run, "logs");
        if (!Directory.Exists(logs))
            return "(no logs)";
        return string.Join('\n', Directory.GetFiles(logs).Select(f => $"--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(30))}"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
