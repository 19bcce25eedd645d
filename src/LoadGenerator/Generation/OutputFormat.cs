namespace LoadGenerator.Generation;

/// <summary>File formats of <c>generate</c>.</summary>
public enum OutputFormat
{
    Csv,
    Jsonl,
    Xes,
}
