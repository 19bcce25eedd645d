namespace ChaosRunner.Run.Kubernetes;

/// <summary>
/// Where the system under test runs on Kubernetes and how the runner reaches it (the helm chart's runner Job passes
/// these as HEURISTICS_BENCH_* variables): the namespace, the Kafka bootstrap and topic/group names, the pod
/// selectors faults aim at (<c>k=v,k=v</c>), Prometheus's address and the lag source, and optionally the Kubernetes
/// API's address (default: in-cluster configuration, else the kubeconfig).
/// </summary>
public sealed record KubernetesSettings(
    string Namespace,
    string Bootstrap,
    string EventsTopic,
    string ModelTopic,
    string MinerGroup,
    string MinerSelector,
    string GeneratorSelector,
    string BrokerSelector,
    Uri Prometheus,
    bool LagFromExporter,
    Uri? KubernetesApi);
