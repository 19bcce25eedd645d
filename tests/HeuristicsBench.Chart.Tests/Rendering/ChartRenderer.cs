using System.Text.RegularExpressions;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>One rendered template file: its text and the YAML documents helm would send (empty ones dropped).</summary>
public sealed record RenderedFile(string Name, string Text, IReadOnlyList<string> Documents);

/// <summary>
/// <c>helm template</c> for the subset: reads Chart.yaml, values.yaml (plus overrides, like --set), every template
/// under templates/ (defines from all of them, as helm shares them), renders each file not starting with _ and
/// splits the output into documents at --- lines. <c>.Files.Get</c> reads files of the chart (a missing file is an
/// error here; helm would return an empty string). .helmignore is not applied.
/// </summary>
public sealed partial class ChartRenderer
{
    private readonly string _chart;
    private readonly Dictionary<string, (IReadOnlyList<Node> Body, IReadOnlyDictionary<string, IReadOnlyList<Node>> Defines)> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Node>> _defines = new(StringComparer.Ordinal);

    public ChartRenderer(string chartDirectory)
    {
        _chart = chartDirectory;
        var templates = Path.Combine(chartDirectory, "templates");
        foreach (var path in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(chartDirectory, path).Replace('\\', '/');
            var parsed = TemplateParser.Parse(name, File.ReadAllText(path));
            _templates[name] = parsed;
            foreach (var (define, body) in parsed.Defines)
                _defines[define] = body;
        }
        var chart = ValuesLoader.LoadMap(File.ReadAllText(Path.Combine(chartDirectory, "Chart.yaml")), "Chart.yaml");
        Chart = chart.ToDictionary(kv => char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv => kv.Value is double d ? GoValues.FormatFloat(d) : kv.Value, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, object?> Chart { get; }

    public IEnumerable<string> TemplateNames => _templates.Keys;

    public Dictionary<string, object?> DefaultValues() =>
        ValuesLoader.LoadMap(File.ReadAllText(Path.Combine(_chart, "values.yaml")), "values.yaml");

    /// <summary>Renders every template (NOTES.txt included; its text is not YAML, so it has no documents).</summary>
    public IReadOnlyList<RenderedFile> Render(Dictionary<string, object?> values, string releaseName = "hb", string releaseNamespace = "bench")
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Values"] = values,
            ["Release"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Name"] = releaseName, ["Namespace"] = releaseNamespace, ["Service"] = "Helm",
            },
            ["Chart"] = Chart.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            ["Files"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Get"] = (Method)GetFile },
        };
        var evaluator = new Evaluator(_defines);
        var files = new List<RenderedFile>();
        foreach (var (name, template) in _templates)
        {
            if (Path.GetFileName(name).StartsWith('_'))
                continue;
            var text = evaluator.Render(template.Body, root);
            var documents = name.EndsWith("NOTES.txt", StringComparison.Ordinal)
                ? []
                : Separator().Split(text).Where(d => d.Trim().Length > 0).ToList();
            files.Add(new RenderedFile(name, text, documents));
        }
        return files;
    }

    private object? GetFile(IReadOnlyList<object?> arguments)
    {
        if (arguments.Count != 1 || arguments[0] is not string relative)
            throw new InvalidOperationException(".Files.Get takes one string");
        var full = Path.GetFullPath(Path.Combine(_chart, relative));
        if (!full.StartsWith(Path.GetFullPath(_chart), StringComparison.Ordinal) || !File.Exists(full))
            throw new InvalidOperationException($".Files.Get \"{relative}\": no such file in the chart (helm would silently give an empty string)");
        return File.ReadAllText(full);
    }

    /// <summary>helm's manifest separator (releaseutil.SplitManifests).</summary>
    [GeneratedRegex(@"(?:^|\s*\n)---\s*")]
    private static partial Regex Separator();
}
