using ChaosRunner.Run;

namespace HeuristicsBench.Runner.Tests;

/// <summary>Bad input to `run` is refused with exit 2 before anything starts, and nothing is written.</summary>
public sealed class RunInputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hb-run-input-" + Guid.NewGuid().ToString("N")[..8]);

    private RunSettings Settings(string file, string backend = "local", string? results = null) =>
        new(file, results ?? Path.Combine(_root, "results"), backend, Quiet: true, TimeSpan.FromSeconds(60), null, KeepWork: false, "test");

    private string Valid()
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "ok.yaml");
        File.WriteAllText(path, "name: ok\nworkload: { model: assembly-line, rate: 10, duration: 2s }\nscenarios:\n  - name: baseline\n");
        return path;
    }

    [Fact]
    public async Task A_missing_experiment_file_exits_2()
    {
        Assert.Equal(2, await RunCli.RunAsync(Settings(Path.Combine(_root, "nope.yaml")), TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(_root, "results")));
    }

    [Fact]
    public async Task An_invalid_experiment_file_exits_2_and_writes_nothing()
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "bad.yaml");
        File.WriteAllText(path, "name: bad\nworkload: { model: assembly-line, rate: 10, duration: 2 }\nscenarios:\n  - name: baseline\n");
        Assert.Equal(2, await RunCli.RunAsync(Settings(path), TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(_root, "results")));
    }

    [Fact]
    public async Task An_unknown_workload_model_exits_2_before_any_run_starts()
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "model.yaml");
        File.WriteAllText(path, "name: model\nworkload: { model: no-such-model, rate: 10, duration: 2s }\nscenarios:\n  - name: baseline\n");
        Assert.Equal(2, await RunCli.RunAsync(Settings(path), TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(_root, "results")));
    }

    [Fact]
    public async Task An_unknown_backend_exits_2()
    {
        Assert.Equal(2, await RunCli.RunAsync(Settings(Valid(), backend: "cloud"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_results_root_that_is_a_file_exits_2()
    {
        var file = Valid();
        Assert.Equal(2, await RunCli.RunAsync(Settings(file, results: file), TestContext.Current.CancellationToken));
        Assert.Equal("name: ok", File.ReadLines(file).First());
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
