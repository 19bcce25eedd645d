using System.Globalization;

namespace ChaosRunner.Run.Measurement;

/// <summary>
/// The samples of a Prometheus text exposition: (name, labels, value) per line, comments skipped. Enough for our
/// own services' /metrics (no escaped quotes inside label values are produced by them).
/// </summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    public static PrometheusText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new PrometheusText();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var space = line.LastIndexOf(' ');
            if (space <= 0 || !double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                continue;
            var head = line[..space].TrimEnd();
            var brace = head.IndexOf('{', StringComparison.Ordinal);
            result._samples.Add(brace < 0 ? (head, "", value) : (head[..brace], head[(brace + 1)..].TrimEnd('}'), value));
        }
        return result;
    }

    /// <summary>Sum of every sample of the metric (all label sets); null when the metric is absent.</summary>
    public double? Sum(string name)
    {
        double? sum = null;
        foreach (var s in _samples)
        {
            if (s.Name == name)
                sum = (sum ?? 0) + s.Value;
        }
        return sum;
    }

    /// <summary>A histogram's cumulative buckets (upper bound, count), summed over label sets, sorted by bound (+Inf last).</summary>
    public IReadOnlyList<(double UpperBound, double Count)> Buckets(string histogram)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var s in _samples)
        {
            if (s.Name != histogram + "_bucket")
                continue;
            var le = Label(s.Labels, "le");
            if (le is null)
                continue;
            var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, NumberStyles.Float, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + s.Value;
        }
        return [.. buckets.Select(b => (b.Key, b.Value))];
    }

    private static string? Label(string labels, string name)
    {
        foreach (var part in labels.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim() == name)
                return part[(eq + 1)..].Trim().Trim('"');
        }
        return null;
    }
}
