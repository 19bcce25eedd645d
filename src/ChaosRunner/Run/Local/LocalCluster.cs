using System.Globalization;
using ChaosRunner.Run.Processes;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using HeuristicsBench.Experiments;
using HeuristicsBench.FaultProxy;

namespace ChaosRunner.Run.Local;

/// <summary>
/// The system under test of one local run: the embedded broker, the miner and the load generator as child processes,
/// and one fault proxy per client between it and the broker listener that advertises that proxy (so every
/// connection the client makes, bootstrap and partition leaders alike, goes through its proxy). Processes can be
/// killed and restarted on the same ports; the runner's own measurements use the broker's main listener directly.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly RunPlan _plan;
    private readonly ServiceBinaries _binaries;
    private readonly ProcessRegistry _registry;
    private readonly FaultProxyServer _proxies;
    private readonly List<string> _commands = [];
    private ChildProcess? _broker;
    private ChildProcess? _miner;
    private ChildProcess? _generator;
    private int _generatorIncarnation;

    public LocalCluster(RunPlan plan, ServiceBinaries binaries, ProcessRegistry registry, int proxySeed)
    {
        _plan = plan;
        _binaries = binaries;
        _registry = registry;
        Ports = ClusterPorts.Pick();
        _proxies = new FaultProxyServer(proxySeed);
        _proxies.Create(new ProxyConfig(ProxyName(ServiceRole.Miner), $"127.0.0.1:{Ports.MinerProxy}", $"127.0.0.1:{Ports.BrokerForMiner}"));
        _proxies.Create(new ProxyConfig(ProxyName(ServiceRole.Generator), $"127.0.0.1:{Ports.GeneratorProxy}", $"127.0.0.1:{Ports.BrokerForGenerator}"));
    }

    public ClusterPorts Ports { get; }

    public FaultProxyServer Proxies => _proxies;

    /// <summary>Every command line started so far (restarts included).</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
                return [.. _commands];
        }
    }

    /// <summary>The generator process now (null while it is down); a new instance after each restart.</summary>
    public ChildProcess? Generator => Volatile.Read(ref _generator);

    public ChildProcess? Miner => Volatile.Read(ref _miner);

    public ChildProcess? Broker => Volatile.Read(ref _broker);

    public int GeneratorIncarnation => Volatile.Read(ref _generatorIncarnation);

    public static string ProxyName(ServiceRole role) => role.ToString().ToLowerInvariant();

    public string HttpBase(ServiceRole role) => role switch
    {
        ServiceRole.Miner => $"http://127.0.0.1:{Ports.MinerHttp}",
        ServiceRole.Generator => $"http://127.0.0.1:{Ports.GeneratorHttp}",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "the broker has no HTTP endpoint here"),
    };

    /// <summary>Starts the broker, creates the event topic, then starts the miner and waits until both are ready.</summary>
    public async Task StartSystemAsync(CancellationToken cancel)
    {
        Directory.CreateDirectory(_plan.WorkDirectory);
        await StartBrokerAsync(cancel).ConfigureAwait(false);
        await CreateTopicAsync().ConfigureAwait(false);
        await StartMinerAsync(cancel).ConfigureAwait(false);
    }

    public async Task StartBrokerAsync(CancellationToken cancel)
    {
        string[] args =
        [
            "broker", "--port", Ports.Broker.ToString(CultureInfo.InvariantCulture),
            "--data-dir", Path.Combine(_plan.WorkDirectory, "broker"),
            "--partitions", "1",
            "--group-initial-rebalance-delay-ms", "0",
            "--group-min-session-timeout-ms", "1000",
            "--listener", $"127.0.0.1:{Ports.BrokerForMiner}@127.0.0.1:{Ports.MinerProxy}",
            "--listener", $"127.0.0.1:{Ports.BrokerForGenerator}@127.0.0.1:{Ports.GeneratorProxy}",
        ];
        var broker = Start("broker", _binaries.Runner, args);
        Volatile.Write(ref _broker, broker);
        await broker.WaitForLineAsync("ready", ReadyTimeout, cancel).ConfigureAwait(false);
    }

    private async Task CreateTopicAsync()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Ports.BrokerBootstrap }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = RunPlan.EventsTopic, NumPartitions = _plan.System.Partitions, ReplicationFactor = 1 }]).ConfigureAwait(false);
    }

    public async Task StartMinerAsync(CancellationToken cancel)
    {
        var miner = _plan.System.Miner;
        string[] args =
        [
            "serve", "--bootstrap", $"127.0.0.1:{Ports.MinerProxy}",
            "--input-topic", RunPlan.EventsTopic, "--model-topic", RunPlan.ModelTopic, "--group", RunPlan.MinerGroup,
            "--instance", "miner", "--checkpoint-store", "kafka",
            "--checkpoint-interval-ms", ((long)_plan.System.CheckpointInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            "--publish-interval-ms", "500",
            "--epsilon", Number(miner.Epsilon), "--dependency-threshold", Number(miner.DependencyThreshold),
            "--positive-observations", miner.PositiveObservations.ToString(CultureInfo.InvariantCulture),
            "--and-threshold", Number(miner.AndThreshold),
            "--http", $"127.0.0.1:{Ports.MinerHttp}", "--enable-clock-control",
        ];
        var child = Start("miner", _binaries.Miner, args);
        Volatile.Write(ref _miner, child);
        await child.WaitForLineAsync("http on", ReadyTimeout, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a generator incarnation that produces for <paramref name="duration"/>. A restarted generator gets its own
    /// seed and case-id prefix, so its cases never continue (or collide with) the killed incarnation's cases.
    /// </summary>
    public async Task StartGeneratorAsync(TimeSpan duration, CancellationToken cancel)
    {
        var incarnation = Interlocked.Increment(ref _generatorIncarnation);
        var w = _plan.Workload;
        var seconds = Math.Max(1, (long)Math.Ceiling(duration.TotalSeconds));
        var pace = w.Shape switch
        {
            WorkloadShape.Ramp => new[] { "--shape", $"ramp:0,{Number(w.Rate)}/{seconds}s" },
            WorkloadShape.Sine => ["--shape", $"sine:{Number(w.Rate)},{Number(w.Rate / 2)}/{seconds}s"],
            _ => ["--rate", Number(w.Rate)],
        };
        var seed = unchecked((ulong)_plan.Run.Seed + (ulong)(incarnation - 1));
        List<string> args =
        [
            "produce", "--bootstrap", $"127.0.0.1:{Ports.GeneratorProxy}", "--topic", RunPlan.EventsTopic,
            "--model", w.Model, "--seed", seed.ToString(CultureInfo.InvariantCulture), .. pace,
            "--duration", $"{seconds}s", "--case-prefix", incarnation == 1 ? "case_" : $"case_g{incarnation}_",
            "--http", $"127.0.0.1:{Ports.GeneratorHttp}", "--enable-clock-control",
        ];
        var child = Start("generator", _binaries.Generator, args);
        Volatile.Write(ref _generator, child);
        await child.WaitForLineAsync("http:", ReadyTimeout, cancel).ConfigureAwait(false);
    }

    public async Task<ChildProcess> StartStressAsync(int threads, double percent, CancellationToken cancel)
    {
        var child = Start("stress", _binaries.Runner,
            ["stress", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--percent", Number(percent)]);
        try
        {
            await child.WaitForLineAsync("ready", ReadyTimeout, cancel).ConfigureAwait(false);
        }
        catch
        {
            child.Dispose(); // not returned, so nobody else would stop it
            throw;
        }
        return child;
    }

    /// <summary>The current process of a role, or null while it is down.</summary>
    public ChildProcess? Current(ServiceRole role) => role switch
    {
        ServiceRole.Broker => Broker,
        ServiceRole.Miner => Miner,
        _ => Generator,
    };

    /// <summary>SIGKILL of a role's process; returns its pid (null when it was already down).</summary>
    public async Task<int?> KillAsync(ServiceRole role)
    {
        var child = Take(role);
        if (child is null)
            return null;
        await child.KillAsync().ConfigureAwait(false);
        var pid = child.Id;
        child.Dispose();
        return pid;
    }

    /// <summary>SIGTERM and wait (a graceful stop); returns the exit code, null when the role was down.</summary>
    public async Task<int?> StopAsync(ServiceRole role, TimeSpan grace)
    {
        var child = Take(role);
        if (child is null)
            return null;
        var code = await child.StopAsync(grace).ConfigureAwait(false);
        child.Dispose();
        return code;
    }

    /// <summary>The role's process, marked down (null when it already was).</summary>
    private ChildProcess? Take(ServiceRole role) => role switch
    {
        ServiceRole.Broker => Interlocked.Exchange(ref _broker, null),
        ServiceRole.Miner => Interlocked.Exchange(ref _miner, null),
        _ => Interlocked.Exchange(ref _generator, null),
    };

    private ChildProcess Start(string role, ServiceBinary binary, IReadOnlyList<string> args)
    {
        var child = ChildProcess.Start(role, binary, args, Path.Combine(_plan.LogDirectory, role + ".log"), _registry);
        lock (_commands)
            _commands.Add(child.CommandLine);
        return child;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Stops everything: generator, miner (SIGTERM, so it checkpoints), broker; removes every toxic and the proxies.</summary>
    public async ValueTask DisposeAsync()
    {
        _proxies.Dispose();
        foreach (var role in new[] { ServiceRole.Generator, ServiceRole.Miner, ServiceRole.Broker })
        {
            try
            {
                await StopAsync(role, TimeSpan.FromSeconds(25)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // a failed stop falls through to the registry's kill
            }
        }
    }
}
