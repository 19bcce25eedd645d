using System.CommandLine;
using HeuristicsBench.EventLogs;

namespace ChaosRunner.Run;

/// <summary><c>run [FILE]</c>: carry out an experiment file's runs and write the results directory.</summary>
public static class RunCommand
{
    public const string DefaultExperiment = "experiments/quick.yaml";

    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = $"Experiment file (YAML, docs/experiments.md); default {DefaultExperiment}", Arity = ArgumentArity.ZeroOrOne };
        var results = new Option<string>("--results") { Description = "Root of the results directories (results/<experiment>/<timestamp>/)", DefaultValueFactory = _ => "results" };
        var backend = new Option<string>("--backend") { Description = "Where the system runs: local (child processes on this machine) or k8s (the helm chart's deployment; faults through Chaos Mesh, metrics from Prometheus)", DefaultValueFactory = _ => "local" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display; only the closing summary and errors" };
        var drain = new Option<string>("--drain-timeout") { Description = "After the load stops, how long to wait for the miner to reflect every event", DefaultValueFactory = _ => "60s" };
        var services = new Option<string?>("--services-dir") { Description = "Directory holding heuristics-miner.dll and load-generator.dll (default: their build output in this repository) [HEURISTICS_BENCH_SERVICES_DIR]" };
        var keep = new Option<bool>("--keep-work") { Description = "Keep each run's broker data directory (deleted by default)" };
        var k8s = new Kubernetes.KubernetesOptions();
        var command = new Command("run", "Run an experiment: start broker, load generator and miner, inject the faults on schedule, measure, check and write results, plots and a report.")
        {
            file, results, backend, quiet, drain, services, keep,
        };
        foreach (var option in k8s.All)
            command.Options.Add(option);
        command.SetAction(async (parse, _) =>
        {
            var drainText = parse.GetValue(drain)!;
            if (!DurationSyntax.TryParse(drainText, allowDays: false, out var drainTimeout) || drainTimeout <= TimeSpan.Zero)
            {
                await Console.Error.WriteLineAsync($"error: --drain-timeout '{drainText}' is not a positive duration such as 60s or 2m").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            Kubernetes.KubernetesSettings? kubernetes = null;
            if (parse.GetValue(backend) == "k8s")
            {
                try
                {
                    kubernetes = k8s.Read(parse);
                }
                catch (FormatException e)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }
            }
            var settings = new RunSettings(
                parse.GetValue(file) ?? DefaultExperiment, parse.GetValue(results)!, parse.GetValue(backend)!, parse.GetValue(quiet),
                drainTimeout, parse.GetValue(services), parse.GetValue(keep), "heuristics-bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                kubernetes);
            // The first Ctrl-C or SIGTERM cancels: faults are removed, children stopped, finished runs kept; a second exits at once.
            using var shutdown = new HeuristicsBench.ServiceHost.ShutdownSignal();
            using var say = shutdown.Token.Register(() =>
                Console.Error.WriteLine("stopping: removing every fault and stopping the child processes (signal again to exit at once)"));
            return await RunCli.RunAsync(settings, shutdown.Token).ConfigureAwait(false);
        });
        return command;
    }
}
