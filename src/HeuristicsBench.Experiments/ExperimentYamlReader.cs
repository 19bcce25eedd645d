using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Experiments;

/// <summary>
/// Turns the YAML node tree of an experiment file into an <see cref="Experiment"/>, checking shape, types,
/// required fields and ranges as it goes and failing on the first problem with its line and field path.
/// </summary>
internal sealed class ExperimentYamlReader
{
    private static readonly string[] TopKeys = ["name", "description", "workload", "system", "execution", "hypothesis", "abort", "scenarios"];
    private static readonly string[] WorkloadKeys = ["model", "rate", "shape", "duration", "seed"];
    private static readonly string[] SystemKeys = ["partitions", "miner", "checkpointInterval"];
    private static readonly string[] MinerKeys = ["epsilon", "dependencyThreshold", "positiveObservations", "andThreshold"];
    private static readonly string[] ExecutionKeys = ["iterations", "mode"];
    private static readonly string[] HypothesisKeys = ["maxLag", "window"];
    private static readonly string[] AbortKeys = ["lagAbove", "for"];
    private static readonly string[] ScenarioKeys = ["name", "faults", "sweep"];
    private static readonly string[] Shapes = ["constant", "ramp", "sine"];
    private static readonly string[] Modes = ["sequential", "parallel"];

    internal static readonly TimeSpan MaxRunDuration = TimeSpan.FromHours(24);

    private readonly YamlNodeReader _reader;
    private readonly FaultYamlReader _faults;

    public ExperimentYamlReader(string sourceName)
    {
        _reader = new YamlNodeReader(sourceName);
        _faults = new FaultYamlReader(_reader);
    }

    public Experiment Read(YamlNode root)
    {
        var fields = _reader.Fields(root, "", "the experiment", TopKeys);
        var name = _reader.ReadText(fields.Required("name"), "name");
        var description = fields.Optional("description") is { } d ? _reader.ReadText(d, "description") : "";
        var workload = ReadWorkload(fields.Required("workload"));
        var system = fields.Optional("system") is { } s ? ReadSystem(s) : new SystemUnderTest(10, MinerOptions.Default, TimeSpan.FromSeconds(10));
        var execution = fields.Optional("execution") is { } e ? ReadExecution(e) : Execution.Default;
        var hypothesis = fields.Optional("hypothesis") is { } h ? ReadHypothesis(h, workload.Duration) : null;
        var abort = fields.Optional("abort") is { } a ? ReadAbort(a, workload.Duration) : [];
        var scenarios = ReadScenarios(fields.Required("scenarios"), workload.Duration);
        return new Experiment(name, description, workload, system, execution, hypothesis, abort, scenarios);
    }

    private Workload ReadWorkload(YamlNode node)
    {
        var f = _reader.Fields(node, "workload", "the workload", WorkloadKeys);
        var model = _reader.ReadText(f.Required("model"), f.PathOf("model"));
        var rate = _reader.ReadNumber(f.Required("rate"), f.PathOf("rate"), 0.001, 10_000_000);
        var shape = f.Optional("shape") is { } s ? (WorkloadShape)_reader.ReadChoice(s, f.PathOf("shape"), "shape", Shapes) : WorkloadShape.Constant;
        var duration = _reader.ReadDuration(f.Required("duration"), f.PathOf("duration"), TimeSpan.FromSeconds(1), MaxRunDuration);
        var seed = f.Optional("seed") is { } seedNode ? _reader.ReadInteger(seedNode, f.PathOf("seed"), long.MinValue, long.MaxValue) : 1;
        return new Workload(model, rate, shape, duration, seed);
    }

    private SystemUnderTest ReadSystem(YamlNode node)
    {
        var f = _reader.Fields(node, "system", "the system", SystemKeys);
        var partitions = f.Optional("partitions") is { } p ? (int)_reader.ReadInteger(p, f.PathOf("partitions"), 1, 1000) : 10;
        var miner = f.Optional("miner") is { } m ? ReadMiner(m) : MinerOptions.Default;
        var checkpoint = f.Optional("checkpointInterval") is { } c
            ? _reader.ReadDuration(c, f.PathOf("checkpointInterval"), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1))
            : TimeSpan.FromSeconds(10);
        return new SystemUnderTest(partitions, miner, checkpoint);
    }

    private MinerOptions ReadMiner(YamlNode node)
    {
        var f = _reader.Fields(node, "system.miner", "the miner options", MinerKeys);
        var defaults = MinerOptions.Default;
        return new MinerOptions(
            f.Optional("epsilon") is { } e ? Open01(e, f.PathOf("epsilon")) : defaults.Epsilon,
            f.Optional("dependencyThreshold") is { } d ? _reader.ReadNumber(d, f.PathOf("dependencyThreshold"), -1, 1) : defaults.DependencyThreshold,
            f.Optional("positiveObservations") is { } p ? (int)_reader.ReadInteger(p, f.PathOf("positiveObservations"), 0, int.MaxValue) : defaults.PositiveObservations,
            f.Optional("andThreshold") is { } a ? _reader.ReadNumber(a, f.PathOf("andThreshold"), 0, 1) : defaults.AndThreshold);
    }

    private double Open01(YamlNode node, string path)
    {
        var value = _reader.ReadNumber(node, path, 0, 1);
        if (value is <= 0 or >= 1)
            throw _reader.Error(node, path, "must be strictly between 0 and 1");
        return value;
    }

    private Execution ReadExecution(YamlNode node)
    {
        var f = _reader.Fields(node, "execution", "the execution", ExecutionKeys);
        var iterations = f.Optional("iterations") is { } i ? (int)_reader.ReadInteger(i, f.PathOf("iterations"), 1, 1000) : 1;
        var mode = f.Optional("mode") is { } m ? (ExecutionMode)_reader.ReadChoice(m, f.PathOf("mode"), "mode", Modes) : ExecutionMode.Sequential;
        return new Execution(iterations, mode);
    }

    private Hypothesis ReadHypothesis(YamlNode node, TimeSpan runDuration)
    {
        var f = _reader.Fields(node, "hypothesis", "the steady-state hypothesis", HypothesisKeys);
        var maxLag = _reader.ReadInteger(f.Required("maxLag"), f.PathOf("maxLag"), 0, long.MaxValue);
        var window = f.Optional("window") is { } w
            ? _reader.ReadDuration(w, f.PathOf("window"), TimeSpan.FromSeconds(1), runDuration)
            : TimeSpan.FromSeconds(Math.Min(30, runDuration.TotalSeconds));
        return new Hypothesis(maxLag, window);
    }

    private List<AbortCondition> ReadAbort(YamlNode node, TimeSpan runDuration)
    {
        var list = _reader.Expect<YamlSequenceNode>(node, "abort", "a list of abort conditions");
        var conditions = new List<AbortCondition>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"abort[{i}]";
            var f = _reader.Fields(list.Children[i], path, "an abort condition", AbortKeys);
            conditions.Add(new AbortCondition(
                _reader.ReadInteger(f.Required("lagAbove"), f.PathOf("lagAbove"), 0, long.MaxValue),
                _reader.ReadDuration(f.Required("for"), f.PathOf("for"), TimeSpan.FromSeconds(1), runDuration)));
        }
        return conditions;
    }

    private List<Scenario> ReadScenarios(YamlNode node, TimeSpan runDuration)
    {
        var list = _reader.Expect<YamlSequenceNode>(node, "scenarios", "a list of scenarios");
        if (list.Children.Count == 0)
            throw _reader.Error(node, "scenarios", "needs at least one scenario");
        var scenarios = new List<Scenario>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"scenarios[{i}]";
            var f = _reader.Fields(list.Children[i], path, "a scenario", ScenarioKeys);
            var nameNode = f.Required("name");
            var name = _reader.ReadText(nameNode, f.PathOf("name"));
            if (!names.Add(name))
                throw _reader.Error(nameNode, f.PathOf("name"), $"duplicate scenario name '{name}'");
            scenarios.Add(_faults.ReadScenario(f, name, runDuration));
        }
        return scenarios;
    }
}
