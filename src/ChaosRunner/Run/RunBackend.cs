using ChaosRunner.Run.Kubernetes;
using ChaosRunner.Run.Processes;
using HeuristicsBench.ChaosMesh;
using HeuristicsBench.Experiments;
using HeuristicsBench.Prometheus.Api;
using HeuristicsBench.Prometheus.History;
using HeuristicsBench.Prometheus.Queries;
using HeuristicsBench.Results.Runs;

namespace ChaosRunner.Run;

/// <summary>
/// Where runs happen: <see cref="Local"/> (child processes on this machine) or <see cref="Kubernetes"/> (the helm
/// chart's deployment, Chaos Mesh, Prometheus). Everything that could be refused (a missing build, a fault Chaos
/// Mesh cannot make) is refused when the backend is made, before any run starts.
/// </summary>
public sealed class RunBackend : IDisposable
{
    private readonly Func<RunPlan, ProcessRegistry, IProgress<RunProgress>?, CancellationToken, Task<RunRecord>> _execute;
    private readonly IDisposable[] _owned;

    private RunBackend(Func<RunPlan, ProcessRegistry, IProgress<RunProgress>?, CancellationToken, Task<RunRecord>> execute, params IDisposable[] owned)
    {
        _execute = execute;
        _owned = owned;
    }

    public Task<RunRecord> ExecuteAsync(RunPlan plan, ProcessRegistry registry, IProgress<RunProgress>? progress, CancellationToken cancel) =>
        _execute(plan, registry, progress, cancel);

    public static RunBackend Local(ServiceBinaries binaries, TimeSpan drainTimeout, bool keepWork)
    {
        var executor = new LocalRunExecutor(binaries, drainTimeout);
        return new RunBackend(async (plan, registry, progress, cancel) =>
        {
            var record = await executor.ExecuteAsync(plan, registry, progress, cancel).ConfigureAwait(false);
            if (!keepWork)
                TryDelete(plan.WorkDirectory);
            return record;
        });
    }

    /// <exception cref="ChaosMeshUnsupportedException">A fault of the experiment has no Chaos Mesh form; lists every one.</exception>
    public static RunBackend Kubernetes(Experiment experiment, KubernetesSettings settings, TimeSpan drainTimeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var targets = new ChaosMeshTargets(
            new PodSelector(settings.Namespace, LabelText.Parse(settings.MinerSelector, "--miner-selector")),
            new PodSelector(settings.Namespace, LabelText.Parse(settings.GeneratorSelector, "--generator-selector")),
            new PodSelector(settings.Namespace, LabelText.Parse(settings.BrokerSelector, "--broker-selector")));
        ChaosMeshMapper.EnsureSupported(experiment, targets);
        var configuration = settings.KubernetesApi is { } api ? ChaosMeshClient.ForBaseUrl(api) : ChaosMeshClient.DefaultConfiguration();
        var chaos = new ChaosMeshClient(configuration, settings.Namespace);
        var client = new PrometheusClient(settings.Prometheus);
        var prometheus = new PrometheusHistorySource(client, new PrometheusQueryOptions
        {
            Topic = settings.EventsTopic,
            ConsumerGroup = settings.MinerGroup,
            LagSource = settings.LagFromExporter ? LagSource.KafkaExporter : LagSource.MinerGauge,
        });
        var executor = new KubernetesRunExecutor(settings, chaos, targets, prometheus, drainTimeout);
        return new RunBackend((plan, _, progress, cancel) => executor.ExecuteAsync(plan, progress, cancel), chaos, client);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        foreach (var d in _owned)
            d.Dispose();
    }
}
