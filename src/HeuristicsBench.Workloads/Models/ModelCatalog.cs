using HeuristicsBench.Workloads.MarkovChains;
using HeuristicsBench.Workloads.ProcessTrees;

namespace HeuristicsBench.Workloads.Models;

/// <summary>
/// Resolves a model given on the command line: a built-in name, <c>random</c> (a random process tree drawn
/// with the seed and pm4py's generator defaults), or a file (<c>.yaml</c>/<c>.yml</c>: a Markov chain;
/// <c>.ptree</c>: a process tree). Malformed files throw a <see cref="FormatException"/> whose message names
/// the file, line and field; an unknown name throws one listing what exists.
/// </summary>
public static class ModelCatalog
{
    public const string Random = "random";

    public static IReadOnlyList<string> BuiltInNames { get; } = [.. MarkovChainLibrary.Names, .. ProcessTreeLibrary.Names, Random];

    public static IProcessModel Load(string spec, ulong seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(spec);
        var extension = Path.GetExtension(spec).ToLowerInvariant();
        if (extension is ".yaml" or ".yml")
            return MarkovChainParser.Parse(ReadFile(spec), spec);
        if (extension == ".ptree")
            return new ProcessTreeModel(Path.GetFileNameWithoutExtension(spec), ProcessTreeParser.Parse(ReadFile(spec), spec));
        if (MarkovChainLibrary.Names.Contains(spec))
            return MarkovChainLibrary.Load(spec);
        if (ProcessTreeLibrary.Names.Contains(spec))
            return ProcessTreeLibrary.Load(spec);
        if (spec == Random)
            return new ProcessTreeModel($"random-{seed}", RandomTreeGenerator.Generate(new RandomTreeOptions(), seed));
        throw new FormatException(
            $"unknown model '{spec}': expected one of {string.Join(", ", BuiltInNames)}, or a .yaml (Markov chain) or .ptree (process tree) file");
    }

    /// <summary>The source text of a built-in model (YAML or process-tree notation), to copy and edit.</summary>
    public static (string Text, string Extension) BuiltInText(string name)
    {
        if (MarkovChainLibrary.Names.Contains(name))
            return (MarkovChainLibrary.ReadText(name), ".yaml");
        if (ProcessTreeLibrary.Names.Contains(name))
            return (ProcessTreeLibrary.ReadText(name), ".ptree");
        if (name == Random)
            throw new FormatException("'random' has no source: it is a process tree drawn from --seed (generate --model random)");
        throw new FormatException($"unknown built-in model '{name}': expected one of {string.Join(", ", BuiltInNames.Where(n => n != Random))}");
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot read model file: {e.Message}", e);
        }
    }
}
