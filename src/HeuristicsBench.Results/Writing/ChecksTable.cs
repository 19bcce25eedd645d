using HeuristicsBench.Results.Runs;

namespace HeuristicsBench.Results.Writing;

/// <summary>The rows of checks.csv: <c>checker,passed,detail</c> with <c>passed</c> as <c>true</c>/<c>false</c>.</summary>
public static class ChecksTable
{
    public static IReadOnlyList<string> Header { get; } = ["checker", "passed", "detail"];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Verdicts.Select(v => (IReadOnlyList<string>)[v.Checker, v.Passed ? "true" : "false", v.Detail]).ToList();
    }
}
