using System.Globalization;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// Turns the YAML node tree of a Markov-chain file into a <see cref="MarkovChainDefinition"/>, failing on the
/// first shape error (unknown, missing or duplicate key, wrong node kind, unreadable number or duration) and
/// remembering where every field is, so that validator issues can be reported with their line and column.
/// </summary>
internal sealed class MarkovChainYamlReader
{
    private static readonly string[] TopLevelKeys = ["name", "description", "start", "states", "drift", "maxCaseLength"];
    private static readonly string[] StateKeys = ["events"];
    private static readonly string[] EventKeys = ["activity", "probability", "duration", "next"];
    private static readonly string[] DriftKeys = ["start", "steps"];
    private static readonly string[] ProbabilityKeys = ["from", "to"];
    private static readonly string[] DurationKinds = ["constant", "uniform", "gaussian"];
    private static readonly string[] GaussianKeys = ["mean", "sd"];

    private readonly string _sourceName;
    private readonly Dictionary<string, Mark> _locations = new(StringComparer.Ordinal);
    private Mark _rootMark;

    public MarkovChainYamlReader(string sourceName) => _sourceName = sourceName;

    public MarkovChainDefinition Read(YamlNode root)
    {
        _rootMark = root.Start;
        var fields = Fields(root, "", "the file", TopLevelKeys);
        var name = RequiredScalar(fields, root, "", "name");
        var start = RequiredScalar(fields, root, "", "start");
        var statesNode = Required(fields, root, "", "states");
        var states = ReadStates(statesNode);
        var drift = fields.TryGetValue("drift", out var driftField) ? ReadDrift(driftField.Value) : null;
        var maxCaseLength = fields.TryGetValue("maxCaseLength", out var maxField)
            ? ReadInt(maxField.Value, "maxCaseLength")
            : MarkovChainDefinition.DefaultMaxCaseLength;
        return new MarkovChainDefinition(name, start, states, drift, maxCaseLength);
    }

    /// <summary>The exception for a validator issue, located at its field (or the nearest enclosing one).</summary>
    public ModelFormatException ErrorFor(MarkovChainIssue issue)
    {
        var path = issue.Path;
        while (true)
        {
            if (_locations.TryGetValue(path, out var mark))
                return Error(mark, issue.Path, issue.Message);
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
                return Error(_rootMark, issue.Path, issue.Message);
            path = path[..cut];
        }
    }

    private List<MarkovState> ReadStates(YamlNode node)
    {
        var statesMapping = Expect<YamlMappingNode>(node, "states", "a mapping from state names to states");
        var states = new List<MarkovState>();
        foreach (var (keyNode, valueNode) in statesMapping.Children)
        {
            var stateName = KeyName(keyNode, "states");
            var path = $"states.{stateName}";
            _locations[path] = keyNode.Start;
            var fields = Fields(valueNode, path, $"state '{stateName}'", StateKeys);
            var eventsNode = Required(fields, valueNode, path, "events");
            var sequence = Expect<YamlSequenceNode>(eventsNode, $"{path}.events", "a list of events");
            var events = new List<MarkovEvent>();
            for (var i = 0; i < sequence.Children.Count; i++)
                events.Add(ReadEvent(sequence.Children[i], $"{path}.events[{i}]"));
            states.Add(new MarkovState(stateName, events));
        }
        return states;
    }

    private MarkovEvent ReadEvent(YamlNode node, string path)
    {
        _locations[path] = node.Start;
        var fields = Fields(node, path, "an event", EventKeys);
        var activity = RequiredScalar(fields, node, path, "activity");
        var probability = ReadProbability(Required(fields, node, path, "probability"), $"{path}.probability");
        var duration = ReadDuration(Required(fields, node, path, "duration"), $"{path}.duration");
        var next = RequiredScalar(fields, node, path, "next");
        return new MarkovEvent(activity, probability, duration, next);
    }

    private MarkovProbability ReadProbability(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
            return MarkovProbability.Constant(ReadDouble(node, path));
        var fields = Fields(node, path, "a probability (a number, or {from, to} to drift)", ProbabilityKeys);
        var from = ReadDouble(Required(fields, node, path, "from"), $"{path}.from");
        var to = ReadDouble(Required(fields, node, path, "to"), $"{path}.to");
        return new MarkovProbability(from, to);
    }

    private DurationDistribution ReadDuration(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
            return new DurationDistribution.Constant(ReadTimeSpan(node, path));
        var fields = Fields(node, path, "a duration ({constant: 10s}, {uniform: [30s, 2m]} or {gaussian: {mean: 1m, sd: 10s}})", DurationKinds);
        if (fields.Count != 1)
        {
            throw Error(node.Start, path, fields.Count == 0
                ? "needs one of constant, uniform or gaussian"
                : $"has {string.Join(" and ", fields.Keys)}; give exactly one of constant, uniform or gaussian");
        }

        var (kind, (_, value)) = fields.Single();
        switch (kind)
        {
            case "constant":
                return new DurationDistribution.Constant(ReadTimeSpan(value, $"{path}.constant"));
            case "uniform":
                var bounds = Expect<YamlSequenceNode>(value, $"{path}.uniform", "a list [min, max]");
                if (bounds.Children.Count != 2)
                    throw Error(value.Start, $"{path}.uniform", $"must be a list [min, max] of two durations (got {bounds.Children.Count} items)");
                return new DurationDistribution.Uniform(
                    ReadTimeSpan(bounds.Children[0], $"{path}.uniform[0]"),
                    ReadTimeSpan(bounds.Children[1], $"{path}.uniform[1]"));
            default:
                var gaussian = Fields(value, $"{path}.gaussian", "a gaussian duration {mean, sd}", GaussianKeys);
                return new DurationDistribution.Gaussian(
                    ReadTimeSpan(Required(gaussian, value, $"{path}.gaussian", "mean"), $"{path}.gaussian.mean"),
                    ReadTimeSpan(Required(gaussian, value, $"{path}.gaussian", "sd"), $"{path}.gaussian.sd"));
        }
    }

    private MarkovDrift ReadDrift(YamlNode node)
    {
        var fields = Fields(node, "drift", "the drift", DriftKeys);
        var start = ReadLong(Required(fields, node, "drift", "start"), "drift.start");
        var steps = ReadLong(Required(fields, node, "drift", "steps"), "drift.steps");
        return new MarkovDrift(start, steps);
    }

    /// <summary>A mapping's entries by key, rejecting keys outside <paramref name="allowed"/>.</summary>
    private Dictionary<string, (YamlNode Key, YamlNode Value)> Fields(YamlNode node, string path, string what, string[] allowed)
    {
        var mapping = Expect<YamlMappingNode>(node, path, $"{what} as a mapping");
        var fields = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = KeyName(keyNode, path);
            var fieldPath = Join(path, key);
            if (Array.IndexOf(allowed, key) < 0)
                throw Error(keyNode.Start, fieldPath, $"unknown key '{key}' in {what} (allowed: {string.Join(", ", allowed)})");
            if (!fields.TryAdd(key, (keyNode, valueNode)))
                throw Error(keyNode.Start, fieldPath, $"duplicate key '{key}'");
            _locations[fieldPath] = valueNode is YamlScalarNode ? valueNode.Start : keyNode.Start;
        }
        return fields;
    }

    private YamlNode Required(Dictionary<string, (YamlNode Key, YamlNode Value)> fields, YamlNode parent, string path, string key)
    {
        if (!fields.TryGetValue(key, out var field))
            throw Error(parent.Start, path.Length == 0 ? key : path, $"missing required field '{key}'");
        if (IsNull(field.Value))
            throw Error(field.Key.Start, Join(path, key), "has no value");
        return field.Value;
    }

    private string RequiredScalar(Dictionary<string, (YamlNode Key, YamlNode Value)> fields, YamlNode parent, string path, string key)
    {
        var node = Required(fields, parent, path, key);
        return Expect<YamlScalarNode>(node, Join(path, key), "a single value").Value ?? "";
    }

    private double ReadDouble(YamlNode node, string path)
    {
        var text = Expect<YamlScalarNode>(node, path, "a number").Value ?? "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(node.Start, path, $"'{text}' is not a number");
        return value;
    }

    private long ReadLong(YamlNode node, string path)
    {
        var text = Expect<YamlScalarNode>(node, path, "a whole number").Value ?? "";
        var digits = text.Replace("_", "", StringComparison.Ordinal);
        if (text.StartsWith('_') || text.EndsWith('_') || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(node.Start, path, $"'{text}' is not a whole number");
        return value;
    }

    private int ReadInt(YamlNode node, string path)
    {
        var value = ReadLong(node, path);
        if (value is < int.MinValue or > int.MaxValue)
            throw Error(node.Start, path, $"{value} is out of range");
        return (int)value;
    }

    private TimeSpan ReadTimeSpan(YamlNode node, string path)
    {
        var text = Expect<YamlScalarNode>(node, path, "a duration such as 30s").Value ?? "";
        if (!DurationSyntax.TryParse(text, allowDays: true, out var value))
            throw Error(node.Start, path, $"'{text}' is not a duration (write a number with a unit ms, s, m, h or d, e.g. 30s, 1.5m, 1h30m)");
        _locations[path] = node.Start;
        return value;
    }

    private string KeyName(YamlNode keyNode, string path)
    {
        if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            throw Error(keyNode.Start, path.Length == 0 ? "(root)" : path, "keys must be plain names");
        return key;
    }

    private T Expect<T>(YamlNode node, string path, string expected)
        where T : YamlNode
    {
        if (node is T typed && !(typed is YamlScalarNode && IsNull(node)))
            return typed;
        var found = IsNull(node) ? "nothing" : node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            _ => "a single value",
        };
        throw Error(node.Start, path.Length == 0 ? "(root)" : path, $"expected {expected}, found {found}");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private ModelFormatException Error(Mark mark, string path, string message) =>
        new(_sourceName, ToInt(mark.Line), ToInt(mark.Column), $"{path}: {message}");

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
