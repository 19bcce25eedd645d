namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>The Markov chains shipped with the benchmark, embedded from BuiltIn/&lt;name&gt;.yaml.</summary>
public static class MarkovChainLibrary
{
    /// <summary>The built-in chains (the paper's assembly line is the default).</summary>
    public static IReadOnlyList<string> Names { get; } = ["assembly-line"];

    public const string Default = "assembly-line";

    /// <exception cref="KeyNotFoundException">No built-in chain has that name.</exception>
    public static MarkovChainModel Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return MarkovChainParser.Parse(ReadText(name), $"built-in:{name}.yaml");
    }

    /// <summary>The YAML text of a built-in chain, e.g. to copy it as a starting point for a user's file.</summary>
    public static string ReadText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name, StringComparer.Ordinal))
            throw new KeyNotFoundException($"no built-in Markov chain '{name}' (built-in: {string.Join(", ", Names)})");
        var assembly = typeof(MarkovChainLibrary).Assembly;
        var suffix = $".BuiltIn.{name}.yaml";
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded resource *{suffix} is missing from {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
