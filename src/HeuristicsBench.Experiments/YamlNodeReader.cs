using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Experiments;

/// <summary>
/// Typed reads of YAML nodes for one source, each failing with an <see cref="ExperimentFormatException"/> that
/// names the node's line, column and field path.
/// </summary>
internal sealed class YamlNodeReader(string sourceName)
{
    /// <summary>A mapping's entries by key, rejecting keys outside <paramref name="allowed"/> with a "did you mean".</summary>
    public YamlFields Fields(YamlNode node, string path, string what, IReadOnlyList<string> allowed)
    {
        var mapping = Expect<YamlMappingNode>(node, path, $"{what} as a mapping");
        var fields = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
                throw Error(keyNode, Display(path), "keys must be plain names");
            var fieldPath = Join(path, key);
            if (!allowed.Contains(key))
                throw Error(keyNode, fieldPath, $"unknown key '{key}' in {what}{NearestName.Hint(key, allowed)} (allowed: {string.Join(", ", allowed)})");
            if (!fields.TryAdd(key, (keyNode, valueNode)))
                throw Error(keyNode, fieldPath, $"duplicate key '{key}'");
        }
        return new YamlFields(this, node, path, fields);
    }

    public T Expect<T>(YamlNode node, string path, string expected)
        where T : YamlNode
    {
        if (node is T typed && !(typed is YamlScalarNode && IsNull(node)))
            return typed;
        var found = IsNull(node) ? "nothing" : node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            _ => $"'{((YamlScalarNode)node).Value}'",
        };
        throw Error(node, Display(path), $"expected {expected}, found {found}");
    }

    public string ReadText(YamlNode node, string path)
    {
        var text = Expect<YamlScalarNode>(node, path, "a single value").Value ?? "";
        if (text.Trim().Length == 0)
            throw Error(node, path, "must not be empty");
        return text;
    }

    public double ReadNumber(YamlNode node, string path, double min, double max)
    {
        var text = Expect<YamlScalarNode>(node, path, "a number").Value ?? "";
        if (!double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(node, path, $"expected a number, found '{text}'");
        if (value < min || value > max)
            throw Error(node, path, $"{text} is out of range (allowed {Show(min)} to {Show(max)})");
        return value;
    }

    public long ReadInteger(YamlNode node, string path, long min, long max)
    {
        var text = Expect<YamlScalarNode>(node, path, "a whole number").Value ?? "";
        if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(node, path, $"expected a whole number, found '{text}'");
        if (value < min || value > max)
            throw Error(node, path, $"{text} is out of range (allowed {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})");
        return value;
    }

    public TimeSpan ReadDuration(YamlNode node, string path, TimeSpan min, TimeSpan max)
    {
        var text = Expect<YamlScalarNode>(node, path, "a duration such as 30s").Value ?? "";
        if (!DurationText.TryParse(text, out var value))
            throw Error(node, path, $"'{text}' is not a duration (a number with a unit ms, s, m or h, e.g. 500ms, 30s, 2m, 1h30m)");
        if (value < min || value > max)
            throw Error(node, path, $"{text} is out of range (allowed {DurationText.Format(min)} to {DurationText.Format(max)})");
        return value;
    }

    /// <summary>The index in <paramref name="names"/> of the value, which must be one of them.</summary>
    public int ReadChoice(YamlNode node, string path, string what, IReadOnlyList<string> names)
    {
        var text = Expect<YamlScalarNode>(node, path, what).Value ?? "";
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == text)
                return i;
        }
        throw Error(node, path, $"unknown {what} '{text}'{NearestName.Hint(text, names)} (allowed: {string.Join(", ", names)})");
    }

    public ExperimentFormatException Error(YamlNode node, string path, string reason) =>
        new(sourceName, ToInt(node.Start.Line), ToInt(node.Start.Column), path, reason);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Display(string path) => path.Length == 0 ? "(root)" : path;

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    internal static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
