using System.Reflection;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>The process trees built into the library (embedded <c>BuiltIn/NAME.ptree</c> files).</summary>
public static class ProcessTreeLibrary
{
    private const string Extension = ".ptree";

    /// <summary>The names of the built-in trees, ordinal order: <c>loan-application</c>, <c>running-example</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = FindNames();

    /// <summary>Loads the built-in tree <paramref name="name"/> as a model of that name.</summary>
    /// <exception cref="ArgumentException">No built-in tree has that name.</exception>
    public static ProcessTreeModel Load(string name) => new(name, LoadTree(name));

    /// <summary>Parses the built-in tree <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No built-in tree has that name.</exception>
    public static ProcessTree LoadTree(string name) => ProcessTreeParser.Parse(ReadText(name), $"{name}{Extension}");

    /// <summary>The source text of the built-in tree <paramref name="name"/>, comments and directives included.</summary>
    /// <exception cref="ArgumentException">No built-in tree has that name.</exception>
    public static string ReadText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var assembly = typeof(ProcessTreeLibrary).Assembly;
        var resource = ResourceName(assembly, name)
            ?? throw new ArgumentException($"no built-in process tree '{name}' (known: {string.Join(", ", Names)})", nameof(name));
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string? ResourceName(Assembly assembly, string name) =>
        Array.Find(assembly.GetManifestResourceNames(), r => r.EndsWith($".BuiltIn.{name}{Extension}", StringComparison.Ordinal));

    private static string[] FindNames()
    {
        var names = typeof(ProcessTreeLibrary).Assembly.GetManifestResourceNames()
            .Where(r => r.EndsWith(Extension, StringComparison.Ordinal) && r.Contains(".BuiltIn.", StringComparison.Ordinal))
            .Select(r => r[(r.LastIndexOf(".BuiltIn.", StringComparison.Ordinal) + ".BuiltIn.".Length)..^Extension.Length])
            .ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }
}
