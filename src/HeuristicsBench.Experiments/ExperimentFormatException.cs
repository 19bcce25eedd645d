using HeuristicsBench.EventLogs;

namespace HeuristicsBench.Experiments;

/// <summary>An experiment file that cannot be used; the message names the file, line, column and field path.</summary>
public sealed class ExperimentFormatException : LocatedFormatException
{
    public ExperimentFormatException()
    {
    }

    public ExperimentFormatException(string message) : base(message)
    {
    }

    public ExperimentFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ExperimentFormatException(string sourceName, int? line, int? column, string fieldPath, string reason, Exception? innerException = null)
        : base(sourceName, line, column, $"{fieldPath}: {reason}", innerException)
    {
        FieldPath = fieldPath;
    }

    /// <summary>The field the problem is in, e.g. <c>scenarios[2].faults[0].latency</c>; empty when not known.</summary>
    public string FieldPath { get; } = string.Empty;
}
