namespace EmbeddedKafka.Metrics;

/// <summary>Compares label value arrays element by element (ordinal), to track which series exist.</summary>
internal sealed class LabelComparer : IEqualityComparer<string[]>
{
    public static LabelComparer Instance { get; } = new();

    public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(string[] obj)
    {
        var hash = new HashCode();
        foreach (string s in obj)
        {
            hash.Add(s, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
