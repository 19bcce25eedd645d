using HeuristicsBench.Workloads.MarkovChains;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

/// <summary>Small chains whose ground truth the tests write out by hand.</summary>
internal static class TestChains
{
    /// <summary>
    /// A → (a1 | a2); a1 leads to B, a2 to C; B and C both lead to the shared state D; D loops on x or ends
    /// with d. Truth by hand: a1→b, a2→c, b→d, b→x, c→d, c→x, x→d, x→x.
    /// </summary>
    public const string SharedAndLoop = """
        name: shared-and-loop
        start: A
        states:
          A:
            events:
              - {activity: a1, probability: 0.5, duration: 1s, next: B}
              - {activity: a2, probability: 0.5, duration: 1s, next: C}
          B:
            events:
              - {activity: b, probability: 1, duration: {constant: 2s}, next: D}
          C:
            events:
              - {activity: c, probability: 1, duration: {uniform: [1s, 3s]}, next: D}
          D:
            events:
              - {activity: d, probability: 0.6, duration: {gaussian: {mean: 5s, sd: 1s}}, next: end}
              - {activity: x, probability: 0.4, duration: 1s, next: D}
        """;

    /// <summary>
    /// The activity "go" belongs to S (twice, to L and to R) and to M (ending the case), so replay must track
    /// several states at once. Traces: go left go, go left stop, go right go, go right stop.
    /// </summary>
    public const string SharedActivity = """
        name: shared-activity
        start: S
        states:
          S:
            events:
              - {activity: go, probability: 0.5, duration: 1s, next: L}
              - {activity: go, probability: 0.5, duration: 1s, next: R}
          L:
            events:
              - {activity: left, probability: 1, duration: 1s, next: M}
          R:
            events:
              - {activity: right, probability: 1, duration: 1s, next: M}
          M:
            events:
              - {activity: go, probability: 0.5, duration: 1s, next: end}
              - {activity: stop, probability: 0.5, duration: 1s, next: end}
        """;

    /// <summary>
    /// Drift from step 100 over 1,000 steps: go 0.5 → 0.8, skip 0.5 → 0 (so skip, u and skip→u vanish at the
    /// end), late 0 → 0.2 (late→t appears inside the drift).
    /// </summary>
    public const string Drifting = """
        name: drifting
        start: S
        states:
          S:
            events:
              - {activity: go, probability: {from: 0.5, to: 0.8}, duration: 1s, next: T}
              - {activity: skip, probability: {from: 0.5, to: 0}, duration: 1s, next: U}
              - {activity: late, probability: {from: 0, to: 0.2}, duration: 1s, next: T}
          T:
            events:
              - {activity: t, probability: 1, duration: 1s, next: end}
          U:
            events:
              - {activity: u, probability: 1, duration: 1s, next: end}
        drift: {start: 100, steps: 1000}
        """;

    public static MarkovChainModel Load(string yaml) => MarkovChainParser.Parse(yaml, "test.yaml");
}
