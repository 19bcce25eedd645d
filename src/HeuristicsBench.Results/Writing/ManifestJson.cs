using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.Runs;
using HeuristicsBench.Results.Summary;

namespace HeuristicsBench.Results.Writing;

/// <summary>
/// The content of manifest.json (docs/results.md). Durations are written in the experiment files' syntax
/// (<c>1m30s</c>), times as ISO 8601 (experiment) or Unix seconds (runs). Every planned run is listed; one that has
/// not finished has <c>outcome</c> null and no times.
/// </summary>
public static class ManifestJson
{
    public static JsonObject Build(ExperimentResults results, MachineInfo machine)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(machine);
        var experiment = results.Experiment;
        var records = results.Runs.ToDictionary(r => r.Run.Index);
        var versions = new JsonObject { ["runner"] = machine.RunnerVersion, ["dotnet"] = machine.DotNetVersion };
        foreach (var (name, version) in machine.ExtraVersions.OrderBy(p => p.Key, StringComparer.Ordinal))
            versions[name] = version;

        return new JsonObject
        {
            ["experiment"] = new JsonObject
            {
                ["name"] = experiment.Name,
                ["file"] = results.ExperimentPath,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(results.ExperimentText))),
                ["content"] = Content(experiment),
            },
            ["commandLine"] = results.CommandLine,
            ["backend"] = results.Backend,
            ["versions"] = versions,
            ["machine"] = new JsonObject
            {
                ["os"] = machine.OsDescription,
                ["processorCount"] = machine.ProcessorCount,
                ["memoryBytes"] = machine.TotalMemoryBytes,
                ["hostName"] = machine.HostName,
            },
            ["started"] = results.Started.ToString("O", CultureInfo.InvariantCulture),
            ["finished"] = results.Finished?.ToString("O", CultureInfo.InvariantCulture),
            ["runs"] = new JsonArray([.. results.PlannedRuns.Select(run => Run(run, records.GetValueOrDefault(run.Index)))]),
        };
    }

    private static JsonObject Run(ExperimentRun run, RunRecord? record) => new()
    {
        ["id"] = RunIds.For(run),
        ["index"] = run.Index,
        ["scenario"] = run.Scenario,
        ["sweepValue"] = run.SweepValue?.ToString(),
        ["iteration"] = run.Iteration,
        ["seed"] = run.Seed,
        ["duration"] = DurationText.Format(run.Duration),
        ["faults"] = new JsonArray([.. run.Faults.Select(Fault)]),
        ["started"] = record?.StartTime,
        ["ended"] = record?.EndTime,
        ["commands"] = record is null ? new JsonArray() : new JsonArray([.. record.Commands.Select(c => (JsonNode?)JsonValue.Create(c))]),
        ["outcome"] = record is null ? null : RunSummaryCalculator.Outcome(record),
    };

    private static JsonObject Content(Experiment e) => new()
    {
        ["name"] = e.Name,
        ["description"] = e.Description,
        ["workload"] = new JsonObject
        {
            ["model"] = e.Workload.Model,
            ["rate"] = e.Workload.Rate,
            ["shape"] = e.Workload.Shape.ToString().ToLowerInvariant(),
            ["duration"] = DurationText.Format(e.Workload.Duration),
            ["seed"] = e.Workload.Seed,
        },
        ["system"] = new JsonObject
        {
            ["partitions"] = e.System.Partitions,
            ["checkpointInterval"] = DurationText.Format(e.System.CheckpointInterval),
            ["miner"] = new JsonObject
            {
                ["epsilon"] = e.System.Miner.Epsilon,
                ["dependencyThreshold"] = e.System.Miner.DependencyThreshold,
                ["positiveObservations"] = e.System.Miner.PositiveObservations,
                ["andThreshold"] = e.System.Miner.AndThreshold,
            },
        },
        ["execution"] = new JsonObject
        {
            ["iterations"] = e.Execution.Iterations,
            ["mode"] = e.Execution.Mode.ToString().ToLowerInvariant(),
        },
        ["hypothesis"] = e.Hypothesis is { } h ? new JsonObject { ["maxLag"] = h.MaxLag, ["window"] = DurationText.Format(h.Window) } : null,
        ["abort"] = new JsonArray([.. e.Abort.Select(a => (JsonNode?)new JsonObject { ["lagAbove"] = a.LagAbove, ["for"] = DurationText.Format(a.For) })]),
        ["scenarios"] = new JsonArray([.. e.Scenarios.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["faults"] = new JsonArray([.. s.Faults.Select(Fault)]),
            ["sweep"] = s.Sweep is { } sweep
                ? new JsonObject { ["parameter"] = sweep.Path, ["values"] = new JsonArray([.. sweep.Values.Select(v => (JsonNode?)JsonValue.Create(v.ToString()))]) }
                : null,
        })]),
    };

    private static JsonNode? Fault(Fault fault)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in fault.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            parameters[name] = value.ToString();
        var schedule = fault.Schedule;
        return new JsonObject
        {
            ["kind"] = FaultKindSpec.For(fault.Kind).Name,
            ["target"] = fault.Target.ToString().ToLowerInvariant(),
            ["parameters"] = parameters,
            ["schedule"] = new JsonObject
            {
                ["start"] = DurationText.Format(schedule.Start),
                ["duration"] = schedule.Duration is { } d ? DurationText.Format(d) : null,
                ["every"] = schedule.Every is { } every ? DurationText.Format(every) : null,
                ["count"] = schedule.Count,
            },
        };
    }
}
