using System.CommandLine;

namespace ChaosRunner.Run.Kubernetes;

/// <summary>
/// The <c>run</c> options of <c>--backend k8s</c>; each falls back to a HEURISTICS_BENCH_* variable (what the helm
/// chart's runner Job sets), then to the chart's defaults.
/// </summary>
public sealed class KubernetesOptions
{
    private readonly List<(Option<string?> Option, string Variable, string? Fallback)> _all = [];

    public KubernetesOptions()
    {
        Namespace = Add("--namespace", "NAMESPACE", null, "Namespace of the miner and generator (and of the Chaos Mesh objects)");
        Bootstrap = Add("--bootstrap", "BOOTSTRAP", null, "Kafka bootstrap servers as the runner reaches them");
        EventsTopic = Add("--events-topic", "EVENTS_TOPIC", "events", "Input topic");
        ModelTopic = Add("--model-topic", "MODEL_TOPIC", "events.models", "Model topic");
        MinerGroup = Add("--miner-group", "MINER_GROUP", "heuristics-miner", "The miner's consumer group");
        MinerSelector = Add("--miner-selector", "MINER_SELECTOR", "app.kubernetes.io/name=heuristics-miner", "Labels of the miner pods, k=v[,k=v]");
        GeneratorSelector = Add("--generator-selector", "GENERATOR_SELECTOR", "app.kubernetes.io/name=load-generator", "Labels of the load generator pods");
        BrokerSelector = Add("--broker-selector", "BROKER_SELECTOR", "strimzi.io/broker-role=true", "Labels of the Kafka broker pods");
        Prometheus = Add("--prometheus", "PROMETHEUS_URL", "http://kube-prometheus-stack-prometheus.monitoring:9090", "Prometheus HTTP API base address");
        LagSource = Add("--lag-source", "LAG_SOURCE", "exporter", "exporter (kafka_consumergroup_lag, the paper's metric) or miner (the miner's own gauge)");
        KubernetesApi = Add("--kube-api", "KUBE_API", null, "Kubernetes API address (default: in-cluster, else the kubeconfig); for tests");
    }

    public Option<string?> Namespace { get; }
    public Option<string?> Bootstrap { get; }
    public Option<string?> EventsTopic { get; }
    public Option<string?> ModelTopic { get; }
    public Option<string?> MinerGroup { get; }
    public Option<string?> MinerSelector { get; }
    public Option<string?> GeneratorSelector { get; }
    public Option<string?> BrokerSelector { get; }
    public Option<string?> Prometheus { get; }
    public Option<string?> LagSource { get; }
    public Option<string?> KubernetesApi { get; }

    public IEnumerable<Option> All => _all.Select(a => (Option)a.Option);

    private Option<string?> Add(string name, string variable, string? fallback, string description)
    {
        var option = new Option<string?>(name) { Description = $"k8s: {description} [HEURISTICS_BENCH_{variable}]" };
        _all.Add((option, "HEURISTICS_BENCH_" + variable, fallback));
        return option;
    }

    private string? Value(ParseResult parse, Option<string?> option)
    {
        var (_, variable, fallback) = _all.First(a => a.Option == option);
        var given = parse.GetValue(option);
        if (!string.IsNullOrWhiteSpace(given))
            return given;
        var fromEnvironment = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? fallback : fromEnvironment;
    }

    private string Required(ParseResult parse, Option<string?> option) =>
        Value(parse, option) ?? throw new FormatException($"--backend k8s needs {option.Name} (or {_all.First(a => a.Option == option).Variable})");

    /// <summary>The settings; a missing or malformed value throws <see cref="FormatException"/> naming the option.</summary>
    public KubernetesSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var lag = Required(parse, LagSource);
        if (lag is not ("exporter" or "miner"))
            throw new FormatException($"--lag-source '{lag}': use exporter or miner");
        foreach (var selector in new[] { MinerSelector, GeneratorSelector, BrokerSelector })
            LabelText.Parse(Required(parse, selector), selector.Name);
        return new KubernetesSettings(
            Required(parse, Namespace), Required(parse, Bootstrap), Required(parse, EventsTopic), Required(parse, ModelTopic),
            Required(parse, MinerGroup), Required(parse, MinerSelector), Required(parse, GeneratorSelector), Required(parse, BrokerSelector),
            Address(Required(parse, Prometheus), Prometheus.Name), lag == "exporter",
            Value(parse, KubernetesApi) is { } api ? Address(api, KubernetesApi.Name) : null);
    }

    private static Uri Address(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"{option} '{text}' is not an http(s) address");
}
