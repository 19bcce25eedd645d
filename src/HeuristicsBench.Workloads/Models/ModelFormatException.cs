using HeuristicsBench.EventLogs;

namespace HeuristicsBench.Workloads.Models;

/// <summary>A model file (Markov chain YAML, process tree) is not acceptable; located like every input error.</summary>
public sealed class ModelFormatException : LocatedFormatException
{
    public ModelFormatException()
    {
    }

    public ModelFormatException(string message) : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ModelFormatException(string sourceName, int? line, int? column, string reason, Exception? innerException = null)
        : base(sourceName, line, column, reason, innerException)
    {
    }
}
