namespace HeuristicsBench.ChaosMesh;

/// <summary>The experiment asks for faults Chaos Mesh cannot apply as written; every problem is listed, nothing was applied.</summary>
public sealed class ChaosMeshUnsupportedException : Exception
{
    public ChaosMeshUnsupportedException()
        : this([])
    {
    }

    public ChaosMeshUnsupportedException(string message)
        : this([message])
    {
    }

    public ChaosMeshUnsupportedException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [message];
    }

    public ChaosMeshUnsupportedException(IReadOnlyList<string> problems)
        : base("not supported by the Chaos Mesh backend (nothing was applied):" + string.Concat(problems.Select(p => "\n  - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
