namespace ChaosRunner.Run.Kubernetes;

/// <summary>Reads a pod selector written as <c>key=value,key=value</c>.</summary>
public static class LabelText
{
    public static IReadOnlyDictionary<string, string> Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
                throw new FormatException($"{option} '{text}': expected key=value[,key=value...], found '{part}'");
            labels[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        if (labels.Count == 0)
            throw new FormatException($"{option} is empty: a selector without labels would hit every pod in the namespace");
        return labels;
    }
}
