using HeuristicsBench.Workloads.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// Reads a Markov chain from YAML text (the caller opens files; see README.md in this folder for the format).
/// Every problem — YAML syntax, shape, or a <see cref="MarkovChainValidator"/> issue — throws a
/// <see cref="ModelFormatException"/> naming the source, line, column and field.
/// </summary>
public static class MarkovChainParser
{
    public static MarkovChainModel Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var reader = new StringReader(yaml);
        return Parse(reader, sourceName);
    }

    public static MarkovChainModel Parse(TextReader reader, string sourceName) =>
        new(ParseDefinition(reader, sourceName));

    /// <summary>The validated definition, for callers that want to inspect or change it before building a model.</summary>
    public static MarkovChainDefinition ParseDefinition(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var root = LoadSingleDocument(reader, sourceName);
        var yamlReader = new MarkovChainYamlReader(sourceName);
        var definition = yamlReader.Read(root);
        var issues = MarkovChainValidator.Validate(definition);
        if (issues.Count > 0)
            throw yamlReader.ErrorFor(issues[0]);
        return definition;
    }

    private static YamlNode LoadSingleDocument(TextReader reader, string sourceName)
    {
        var parser = new Parser(reader);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ModelFormatException(sourceName, ToInt(e.Start.Line), ToInt(e.Start.Column), $"invalid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18 throws this instead of a YamlException on some malformed input (e.g. an unclosed
            // flow list followed by a mapping); the last parsed event is the best location available.
            var mark = parser.Current?.End ?? Mark.Empty;
            throw new ModelFormatException(sourceName, ToInt(mark.Line), ToInt(mark.Column), "invalid YAML: malformed structure (an unclosed [ or { ?)", e);
        }

        if (stream.Documents.Count == 0)
            throw new ModelFormatException(sourceName, 1, null, "(root): the file is empty; expected a mapping with name, start and states");
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new ModelFormatException(sourceName, ToInt(second.Line), ToInt(second.Column), "(root): expected one YAML document, found several");
        }
        return stream.Documents[0].RootNode;
    }

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
