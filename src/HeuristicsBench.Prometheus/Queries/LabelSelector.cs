using System.Text;
using System.Text.RegularExpressions;

namespace HeuristicsBench.Prometheus.Queries;

/// <summary>
/// Equality matchers <c>name="value"</c> for a PromQL selector, e.g. <c>namespace="bench", job="miner"</c>. Label
/// names must be Prometheus label names; values are escaped (backslash, double quote, line feed).
/// </summary>
public sealed partial class LabelSelector
{
    private readonly (string Name, string Value)[] _matchers;

    public LabelSelector(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _matchers = [.. labels.Select(l => (l.Key, l.Value))];
        foreach (var (name, _) in _matchers)
        {
            if (!LabelName().IsMatch(name))
                throw new ArgumentException($"\"{name}\" is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)", nameof(labels));
        }
        var duplicate = _matchers.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"label \"{duplicate.Key}\" is given twice", nameof(labels));
    }

    public static LabelSelector Empty { get; } = new([]);

    /// <summary>A selector from <c>name=value</c> pairs: <c>LabelSelector.Of(("namespace", "bench"))</c>.</summary>
    public static LabelSelector Of(params (string Name, string Value)[] labels) =>
        new(labels.Select(l => KeyValuePair.Create(l.Name, l.Value)));

    /// <summary>These matchers followed by <paramref name="more"/> (a label in both is an error).</summary>
    public LabelSelector With(params (string Name, string Value)[] more) =>
        new(_matchers.Concat(more).Select(l => KeyValuePair.Create(l.Name, l.Value)));

    /// <summary>The selector for <paramref name="metric"/>: <c>metric{a="b",c="d"}</c>, or the bare name without matchers.</summary>
    public string Select(string metric)
    {
        if (_matchers.Length == 0)
            return metric;
        var text = new StringBuilder(metric).Append('{');
        for (var i = 0; i < _matchers.Length; i++)
        {
            if (i > 0)
                text.Append(',');
            text.Append(_matchers[i].Name).Append("=\"").Append(Escape(_matchers[i].Value)).Append('"');
        }
        return text.Append('}').ToString();
    }

    public override string ToString() => Select("");

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
