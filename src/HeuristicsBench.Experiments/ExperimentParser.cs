using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Experiments;

/// <summary>
/// Reads an experiment from YAML text (schema: docs/experiments.md). Every problem — YAML syntax, shape, type,
/// range, schedule or sweep path — throws an <see cref="ExperimentFormatException"/> naming the source, line,
/// column and field path.
/// </summary>
public static class ExperimentParser
{
    public static Experiment Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var text = new StringReader(yaml);
        var parser = new Parser(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ExperimentFormatException(sourceName, YamlNodeReader.ToInt(e.Start.Line), YamlNodeReader.ToInt(e.Start.Column), "(yaml)", $"invalid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet throws this rather than a YamlException on some malformed input (an unclosed flow list).
            var mark = parser.Current?.End ?? Mark.Empty;
            throw new ExperimentFormatException(sourceName, YamlNodeReader.ToInt(mark.Line), YamlNodeReader.ToInt(mark.Column), "(yaml)", "invalid YAML: malformed structure (an unclosed [ or { ?)", e);
        }

        if (stream.Documents.Count == 0)
            throw new ExperimentFormatException(sourceName, 1, null, "(root)", "the file is empty; expected a mapping with name, workload and scenarios");
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new ExperimentFormatException(sourceName, YamlNodeReader.ToInt(second.Line), YamlNodeReader.ToInt(second.Column), "(root)", "expected one YAML document, found several");
        }
        return new ExperimentYamlReader(sourceName).Read(stream.Documents[0].RootNode);
    }
}
