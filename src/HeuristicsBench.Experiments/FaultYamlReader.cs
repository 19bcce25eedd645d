using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Experiments;

/// <summary>
/// Reads a scenario's faults (kind, target, parameters, schedule) and its sweep, checking parameters against
/// <see cref="FaultKindSpec"/>, schedules against the run duration and sweep paths against the faults.
/// </summary>
internal sealed partial class FaultYamlReader(YamlNodeReader reader)
{
    private static readonly string[] CommonFaultKeys = ["kind", "target", "schedule"];
    private static readonly string[] ScheduleKeys = ["start", "duration", "every", "count"];
    private static readonly string[] SweepKeys = ["parameter", "values", "from", "to", "step"];
    private static readonly string[] KindNames = [.. FaultKindSpec.All.Select(s => s.Name)];
    private static readonly string[] TargetNames = ["miner", "generator", "broker"];
    private const int MaxSweepValues = 1000;

    public Scenario ReadScenario(YamlFields scenario, string name, TimeSpan runDuration)
    {
        var sweepNode = scenario.Optional("sweep");
        var sweepTarget = sweepNode is null ? null : ReadSweepTarget(sweepNode, scenario.PathOf("sweep"));
        var faults = new List<Fault>();
        if (scenario.Optional("faults") is { } faultsNode)
        {
            var list = reader.Expect<YamlSequenceNode>(faultsNode, scenario.PathOf("faults"), "a list of faults");
            for (var i = 0; i < list.Children.Count; i++)
            {
                var swept = sweepTarget is { } t && t.Index == i ? t.Parameter : null;
                faults.Add(ReadFault(list.Children[i], $"{scenario.PathOf("faults")}[{i}]", runDuration, swept));
            }
        }
        var sweep = sweepNode is null ? null : ReadSweep(sweepNode, scenario.PathOf("sweep"), faults);
        return new Scenario(name, faults, sweep);
    }

    private Fault ReadFault(YamlNode node, string path, TimeSpan runDuration, string? sweptParameter)
    {
        var kindNode = node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("kind"), out var k) ? k : null;
        if (kindNode is null)
        {
            reader.Expect<YamlMappingNode>(node, path, "a fault as a mapping");
            throw reader.Error(node, YamlNodeReader.Join(path, "kind"), $"missing required field 'kind' (one of {string.Join(", ", KindNames)})");
        }
        var spec = FaultKindSpec.All[reader.ReadChoice(kindNode, YamlNodeReader.Join(path, "kind"), "fault kind", KindNames)];
        var f = reader.Fields(node, path, $"a {spec.Name} fault", [.. CommonFaultKeys, .. spec.Parameters.Select(p => p.Name)]);

        FaultTarget target;
        if (f.Optional("target") is { } targetNode)
        {
            target = (FaultTarget)reader.ReadChoice(targetNode, f.PathOf("target"), "target", TargetNames);
            if (!spec.Targets.Contains(target))
                throw reader.Error(targetNode, f.PathOf("target"), $"{spec.Name} cannot target {TargetNames[(int)target]} (allowed: {string.Join(", ", spec.Targets.Select(t => TargetNames[(int)t]))})");
        }
        else if (spec.Targets.Count == 1)
        {
            target = spec.Targets[0];
        }
        else
        {
            throw reader.Error(node, f.PathOf("target"), $"missing required field 'target' (one of {string.Join(", ", spec.Targets.Select(t => TargetNames[(int)t]))})");
        }

        var parameters = new SortedDictionary<string, FaultParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in spec.Parameters)
        {
            if (f.Optional(parameter.Name) is { } valueNode)
                parameters[parameter.Name] = ReadParameter(valueNode, f.PathOf(parameter.Name), parameter);
            else if (parameter.Required && parameter.Name != sweptParameter)
                throw reader.Error(node, f.PathOf(parameter.Name), $"missing required field '{parameter.Name}' for {spec.Name}");
            else
                parameters[parameter.Name] = parameter.Default;
        }

        var schedule = ReadSchedule(f.Optional("schedule"), f.PathOf("schedule"), node, spec, runDuration);
        return new Fault(spec.Kind, target, parameters, schedule);
    }

    internal FaultParameterValue ReadParameter(YamlNode node, string path, FaultParameterSpec spec) => spec.Type switch
    {
        FaultParameterType.Duration or FaultParameterType.SignedDuration => new FaultParameterValue.DurationValue(
            reader.ReadDuration(node, path, TimeSpan.FromMilliseconds(spec.Min), TimeSpan.FromMilliseconds(spec.Max))),
        FaultParameterType.WholeNumber => new FaultParameterValue.NumberValue(reader.ReadInteger(node, path, (long)spec.Min, (long)spec.Max)),
        _ => new FaultParameterValue.NumberValue(reader.ReadNumber(node, path, spec.Min, spec.Max)),
    };

    private FaultSchedule ReadSchedule(YamlNode? node, string path, YamlNode faultNode, FaultKindSpec spec, TimeSpan runDuration)
    {
        if (node is null)
        {
            if (spec.DurationRule == ScheduleDurationRule.Required)
                throw reader.Error(faultNode, YamlNodeReader.Join(path, "duration"), $"{spec.Name} needs a schedule with a duration (how long it lasts)");
            return new FaultSchedule(TimeSpan.Zero, DefaultDuration(spec), null, 1);
        }

        var f = reader.Fields(node, path, "a schedule", ScheduleKeys);
        var start = f.Optional("start") is { } s ? reader.ReadDuration(s, f.PathOf("start"), TimeSpan.Zero, runDuration) : TimeSpan.Zero;
        TimeSpan? duration = DefaultDuration(spec);
        if (f.Optional("duration") is { } d)
        {
            if (spec.DurationRule == ScheduleDurationRule.Forbidden)
                throw reader.Error(f.KeyNode("duration"), f.PathOf("duration"), $"{spec.Name} is instantaneous and takes no duration");
            duration = reader.ReadDuration(d, f.PathOf("duration"), spec.DurationRule == ScheduleDurationRule.ZeroByDefault ? TimeSpan.Zero : TimeSpan.FromMilliseconds(1), runDuration);
        }
        else if (spec.DurationRule == ScheduleDurationRule.Required)
        {
            throw reader.Error(node, f.PathOf("duration"), $"missing required field 'duration' for {spec.Name}");
        }

        TimeSpan? every = f.Optional("every") is { } e ? reader.ReadDuration(e, f.PathOf("every"), TimeSpan.FromMilliseconds(1), runDuration) : null;
        var countNode = f.Optional("count");
        int count;
        if (countNode is not null)
        {
            count = (int)reader.ReadInteger(countNode, f.PathOf("count"), 1, 100_000);
            if (count > 1 && every is null)
                throw reader.Error(countNode, f.PathOf("count"), "a count above 1 needs 'every' (the time between starts)");
        }
        else
        {
            count = every is { } period ? (int)Math.Max(1, ((runDuration - start - (duration ?? TimeSpan.Zero)) / period) + 1) : 1;
        }

        if (count > 1 && duration is null)
            throw reader.Error(node, f.PathOf("duration"), "a repeated fault needs a duration");
        if (every is { } gap && duration is { } length && length > gap)
            throw reader.Error(f.Optional("every")!, f.PathOf("every"), $"{DurationText.Format(gap)} is shorter than the duration {DurationText.Format(length)}: repetitions would overlap");

        var lastStart = start + ((every ?? TimeSpan.Zero) * (count - 1));
        var lastEnd = lastStart + (duration ?? TimeSpan.Zero);
        if (lastEnd > runDuration || (duration is null && lastStart >= runDuration) || (duration == TimeSpan.Zero && lastStart >= runDuration))
        {
            throw reader.Error(node, path,
                $"does not fit in the run: the last repetition ends at {DurationText.Format(lastEnd)}, after workload.duration {DurationText.Format(runDuration)}");
        }
        return new FaultSchedule(start, duration, every, count);
    }

    private static TimeSpan? DefaultDuration(FaultKindSpec spec) =>
        spec.DurationRule is ScheduleDurationRule.Forbidden or ScheduleDurationRule.ZeroByDefault ? TimeSpan.Zero : null;

    private (int Index, string Parameter)? ReadSweepTarget(YamlNode node, string path)
    {
        var f = reader.Fields(node, path, "a sweep", SweepKeys);
        var parameterNode = f.Required("parameter");
        var text = reader.ReadText(parameterNode, f.PathOf("parameter"));
        var match = SweepPath().Match(text);
        if (!match.Success)
            throw reader.Error(parameterNode, f.PathOf("parameter"), $"'{text}' is not a parameter path; write faults[N].NAME, e.g. faults[0].latency");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value);
    }

    private Sweep ReadSweep(YamlNode node, string path, List<Fault> faults)
    {
        var f = reader.Fields(node, path, "a sweep", SweepKeys);
        var parameterNode = f.Required("parameter");
        var (index, name) = ReadSweepTarget(node, path)!.Value;
        if (index >= faults.Count)
            throw reader.Error(parameterNode, f.PathOf("parameter"), $"no fault at index {index} (the scenario has {faults.Count})");
        var kind = FaultKindSpec.For(faults[index].Kind);
        var parameter = kind.Parameter(name)
            ?? throw reader.Error(parameterNode, f.PathOf("parameter"),
                $"{kind.Name} has no parameter '{name}'{NearestName.Hint(name, kind.Parameters.Select(p => p.Name))}" +
                (kind.Parameters.Count == 0 ? " (it has none)" : $" (it has: {string.Join(", ", kind.Parameters.Select(p => p.Name))})"));

        var values = new List<FaultParameterValue>();
        if (f.Optional("values") is { } valuesNode)
        {
            if (f.Has("from") || f.Has("to") || f.Has("step"))
                throw reader.Error(valuesNode, f.PathOf("values"), "give either values or from/to/step, not both");
            var list = reader.Expect<YamlSequenceNode>(valuesNode, f.PathOf("values"), "a list of values");
            for (var i = 0; i < list.Children.Count; i++)
                values.Add(ReadParameter(list.Children[i], $"{f.PathOf("values")}[{i}]", parameter));
        }
        else
        {
            var from = ReadParameter(f.Required("from"), f.PathOf("from"), parameter);
            var to = ReadParameter(f.Required("to"), f.PathOf("to"), parameter);
            var stepNode = f.Required("step");
            var step = ReadParameter(stepNode, f.PathOf("step"), parameter with { Min = 0 });
            values.AddRange(Range(from, to, step, stepNode, f.PathOf("step")));
        }
        if (values.Count == 0)
            throw reader.Error(node, path, f.Has("values") ? "values is empty; give at least one" : "from/to/step give no values (is from above to?)");
        if (values.Count > MaxSweepValues)
            throw reader.Error(node, path, $"has {values.Count} values; at most {MaxSweepValues} are allowed");
        return new Sweep(index, name, values);
    }

    private List<FaultParameterValue> Range(FaultParameterValue from, FaultParameterValue to, FaultParameterValue step, YamlNode stepNode, string stepPath)
    {
        var values = new List<FaultParameterValue>();
        switch ((from, to, step))
        {
            case (FaultParameterValue.DurationValue a, FaultParameterValue.DurationValue b, FaultParameterValue.DurationValue s):
                if (s.Value <= TimeSpan.Zero)
                    throw reader.Error(stepNode, stepPath, "must be above zero");
                for (var v = a.Value; v <= b.Value && values.Count <= MaxSweepValues; v += s.Value)
                    values.Add(new FaultParameterValue.DurationValue(v));
                break;
            case (FaultParameterValue.NumberValue a, FaultParameterValue.NumberValue b, FaultParameterValue.NumberValue s):
                if (s.Value <= 0)
                    throw reader.Error(stepNode, stepPath, "must be above zero");
                for (var i = 0; a.Value + (i * s.Value) <= b.Value + (s.Value * 1e-9) && values.Count <= MaxSweepValues; i++)
                    values.Add(new FaultParameterValue.NumberValue(Math.Round(a.Value + (i * s.Value), 9)));
                break;
        }
        return values;
    }

    [GeneratedRegex(@"^faults\[(\d{1,4})\]\.([A-Za-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SweepPath();
}
