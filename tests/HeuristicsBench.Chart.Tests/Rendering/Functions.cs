using System.Globalization;
using System.Text;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>A method of an object in the context, such as <c>.Files.Get</c>.</summary>
public delegate object? Method(IReadOnlyList<object?> arguments);

/// <summary>
/// The functions of the subset, with helm's (text/template + sprig) meaning: eq, ne, and, or, not, quote, default,
/// toYaml, nindent, indent, include, printf (%s %d %v %q %%), required, fail.
/// </summary>
public static class Functions
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "eq", "ne", "and", "or", "not", "quote", "default", "toYaml", "nindent", "indent", "include", "printf", "required", "fail",
    };

    public static object? Call(string name, IReadOnlyList<object?> a, Func<string, object?, string> include)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(include);
        return name switch
        {
            "eq" => Need(name, a, 2, int.MaxValue) && a.Skip(1).Any(b => GoValues.Equal(a[0], b)),
            "ne" => Need(name, a, 2, 2) && !GoValues.Equal(a[0], a[1]),
            "and" => Need(name, a, 1, int.MaxValue) ? a.FirstOrDefault(v => !GoValues.IsTrue(v), a[^1]) : null,
            "or" => Need(name, a, 1, int.MaxValue) ? a.FirstOrDefault(GoValues.IsTrue, a[^1]) : null,
            "not" => Need(name, a, 1, 1) && !GoValues.IsTrue(a[0]),
            "quote" => string.Join(" ", a.Where(v => v is not null).Select(v => GoValues.Quote(GoValues.Print(v)))),
            "default" => Need(name, a, 1, 2) && a.Count == 2 && GoValues.IsTrue(a[1]) ? a[1] : a[0],
            "toYaml" => Need(name, a, 1, 1) ? ToYaml.Write(a[0]) : null,
            "nindent" => Need(name, a, 2, 2) ? "\n" + Indent(Count(name, a[0]), Text(name, a[1])) : null,
            "indent" => Need(name, a, 2, 2) ? Indent(Count(name, a[0]), Text(name, a[1])) : null,
            "include" => Need(name, a, 2, 2) ? include(Text(name, a[0]), a[1]) : null,
            "printf" => Need(name, a, 1, int.MaxValue) ? Printf(Text(name, a[0]), a.Skip(1).ToList()) : null,
            "required" => Need(name, a, 2, 2) && (a[1] is null || a[1] is string { Length: 0 }) ? throw new InvalidOperationException(Text(name, a[0])) : a[1],
            "fail" => throw new InvalidOperationException(Need(name, a, 1, 1) ? Text(name, a[0]) : ""),
            _ => throw new InvalidOperationException($"function '{name}' is outside the supported subset"),
        };
    }

    private static bool Need(string name, IReadOnlyList<object?> a, int min, int max) =>
        a.Count >= min && a.Count <= max ? true : throw new InvalidOperationException($"{name}: wrong number of arguments ({a.Count})");

    private static string Text(string name, object? value) => value switch
    {
        string s => s,
        null => "",
        _ => throw new InvalidOperationException($"{name}: expected a string, got {GoValues.Describe(value)}"),
    };

    private static int Count(string name, object? value) => value switch
    {
        long l => (int)l,
        double d when d == Math.Floor(d) => (int)d,
        _ => throw new InvalidOperationException($"{name}: expected a whole number, got {GoValues.Describe(value)}"),
    };

    private static string Indent(int spaces, string text)
    {
        var pad = new string(' ', spaces);
        return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    /// <summary>Go's Sprintf for %s, %d, %v, %q and %%. Verbs that Go would print as %!d(float64=...) are errors here.</summary>
    public static string Printf(string format, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                sb.Append(format[i]);
                continue;
            }
            if (++i >= format.Length)
                throw new InvalidOperationException("printf: % at the end of the format");
            var verb = format[i];
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }
            if (next >= args.Count)
                throw new InvalidOperationException($"printf \"{format}\": missing argument for %{verb}");
            var arg = args[next++];
            sb.Append(verb switch
            {
                's' when arg is string s => s,
                'v' => GoValues.Print(arg),
                'q' when arg is string s => GoValues.Quote(s),
                'd' when arg is long l => l.ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"printf \"{format}\": %{verb} of a {GoValues.Describe(arg)} (Go prints %!{verb}({GoValues.Describe(arg)}=...); values.yaml numbers are float64: use %v)"),
            });
        }
        if (next != args.Count)
            throw new InvalidOperationException($"printf \"{format}\": {args.Count - next} extra argument(s)");
        return sb.ToString();
    }
}
