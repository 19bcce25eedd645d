using HeuristicsBench.Experiments;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// Where the miner, the load generator and the Kafka brokers run on Kubernetes. <see cref="Default"/> matches the
/// heuristics-bench helm chart: <c>app.kubernetes.io/name</c> = <c>heuristics-miner</c> / <c>load-generator</c>, and for
/// Kafka either Strimzi's broker pods (<c>strimzi.io/cluster</c> + <c>strimzi.io/broker-role=true</c>) or the embedded
/// broker (<c>app.kubernetes.io/name=kafka-broker</c>).
/// </summary>
public sealed record ChaosMeshTargets(PodSelector Miner, PodSelector Generator, PodSelector Broker)
{
    public const string NameLabel = "app.kubernetes.io/name";

    /// <param name="namespace">Namespace of the miner and generator (and of the broker unless <paramref name="kafkaNamespace"/> is given).</param>
    /// <param name="strimziCluster">The Strimzi Kafka cluster's name; null: the embedded broker.</param>
    public static ChaosMeshTargets Default(string @namespace, string? strimziCluster = null, string? kafkaNamespace = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        var brokerLabels = strimziCluster is null
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [NameLabel] = "kafka-broker" }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["strimzi.io/cluster"] = strimziCluster, ["strimzi.io/broker-role"] = "true" };
        return new ChaosMeshTargets(
            new PodSelector(@namespace, new Dictionary<string, string>(StringComparer.Ordinal) { [NameLabel] = "heuristics-miner" }),
            new PodSelector(@namespace, new Dictionary<string, string>(StringComparer.Ordinal) { [NameLabel] = "load-generator" }),
            new PodSelector(kafkaNamespace ?? @namespace, brokerLabels));
    }

    public PodSelector For(FaultTarget target) => target switch
    {
        FaultTarget.Miner => Miner,
        FaultTarget.Generator => Generator,
        FaultTarget.Broker => Broker,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "unknown fault target"),
    };
}
