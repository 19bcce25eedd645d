using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>
/// Reads a values file the way helm does (sigs.k8s.io/yaml: YAML 1.1 scalars, then JSON types): maps of string keys,
/// lists, strings, bools, null, and every number a double.
/// </summary>
public static partial class ValuesLoader
{
    public static Dictionary<string, object?> LoadMap(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new TemplateException(file, (int)e.Start.Line, e.Message);
        }
        if (stream.Documents.Count == 0)
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        return Convert(stream.Documents[0].RootNode) as Dictionary<string, object?>
            ?? throw new TemplateException(file, 1, "the top level is not a map");
    }

    public static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => Convert(kv.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(Convert).ToList(),
        YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain => ResolvePlain(scalar.Value ?? ""),
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    /// <summary>A plain scalar's value under YAML 1.1 rules (yes/no/on/off are bools there), numbers as double.</summary>
    public static object? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return false;
        }
        if (Integer().IsMatch(text))
            return (double)long.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (Float().IsMatch(text))
            return double.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>Sets a dotted path (like helm's --set), creating maps on the way.</summary>
    public static void Set(Dictionary<string, object?> values, string path, object? value)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('.');
        var map = values;
        foreach (var part in parts[..^1])
        {
            if (map.TryGetValue(part, out var next) && next is Dictionary<string, object?> child)
            {
                map = child;
            }
            else
            {
                var created = new Dictionary<string, object?>(StringComparer.Ordinal);
                map[part] = created;
                map = created;
            }
        }
        map[parts[^1]] = value;
    }

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
