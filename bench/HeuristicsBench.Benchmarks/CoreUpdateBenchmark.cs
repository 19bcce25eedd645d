using BenchmarkDotNet.Attributes;
using HeuristicsMiner.Algorithm.Summaries;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// The core update path on one thread with pre-interned activity ids: ns and bytes per event in steady
/// state (the summary is warmed up over the whole stream before measuring, and keeps running across
/// invocations, so dictionaries have reached their working size).
/// </summary>
[MemoryDiagnoser]
public class CoreUpdateBenchmark
{
    private const int Events = 1 << 20;
    private string[] _cases = [];
    private int[] _activities = [];
    private StreamSummary _summary = null!;

    [Params("lc", "exact", "lcb", "sw")]
    public string Variant { get; set; } = "lc";

    [GlobalSetup]
    public void Setup()
    {
        var process = new SyntheticProcess();
        var caseNames = new Dictionary<long, string>();
        _cases = new string[Events];
        _activities = new int[Events];
        _summary = Variant switch
        {
            "exact" => new LossyCountingSummary(0),
            "lcb" => new LossyCountingBudgetSummary(20_000),
            "sw" => new SlidingWindowSummary(100_000),
            _ => new LossyCountingSummary(0.001),
        };
        var ids = process.ActivityNames.Select(_summary.Activities.GetOrAdd).ToArray();
        for (var i = 0; i < Events; i++)
        {
            var (c, a) = process.Next();
            if (!caseNames.TryGetValue(c, out var name))
                caseNames[c] = name = $"case_{c}";
            _cases[i] = name;
            _activities[i] = ids[a];
        }
        Observe();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void Observe()
    {
        var summary = _summary;
        var cases = _cases;
        var activities = _activities;
        for (var i = 0; i < cases.Length; i++)
            summary.Observe(cases[i], activities[i]);
    }
}
