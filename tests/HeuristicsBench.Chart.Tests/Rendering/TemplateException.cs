namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>A template that cannot be rendered: outside the supported subset, or an error helm would report too.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string file, int line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    public TemplateException()
    {
        File = "";
    }

    public TemplateException(string message)
        : base(message)
    {
        File = "";
    }

    public TemplateException(string message, Exception inner)
        : base(message, inner)
    {
        File = "";
    }

    public string File { get; }

    public int Line { get; }
}
