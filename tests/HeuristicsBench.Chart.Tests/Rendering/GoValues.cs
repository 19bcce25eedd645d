using System.Globalization;
using System.Text;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>
/// Values as helm's templates see them. Values files arrive as JSON does (helm reads them with sigs.k8s.io/yaml):
/// maps (<see cref="IDictionary{TKey,TValue}"/> of string), lists, strings, bools, null and every number a
/// double (float64). Integer literals in a template are long (int). This class gives Go's truth, printing and
/// comparison rules for them.
/// </summary>
public static class GoValues
{
    /// <summary>text/template truth: false, 0, nil and empty strings, lists and maps are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        double d => d != 0,
        long l => l != 0,
        IDictionary<string, object?> m => m.Count > 0,
        IList<object?> list => list.Count > 0,
        _ => true,
    };

    /// <summary>What <c>{{ value }}</c> prints (helm turns a missing value's &lt;no value&gt; into nothing).</summary>
    public static string Print(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        _ => throw new InvalidOperationException($"printing a {Describe(value)} gives Go's map[...] / [...] form; use toYaml"),
    };

    /// <summary>
    /// Go's %v of a float64 (strconv 'g' with the shortest digits): the exponent form when the decimal exponent is
    /// below -4 or at least 6, so 100000 prints as 100000 but 1000000 as 1e+06 and 0.00001 as 1e-05.
    /// </summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
            return "NaN";
        if (double.IsInfinity(d))
            return d > 0 ? "+Inf" : "-Inf";
        if (d == 0)
            return "0";
        var (negative, digits, point) = Digits(d);
        var exponent = point - 1;
        var sign = negative ? "-" : "";
        if (exponent is >= -4 and < 6)
            return sign + Fixed(digits, point);
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var e = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{e}";
    }

    /// <summary>The shortest round-trip decimal digits of |d| without leading or trailing zeros, and where the point goes.</summary>
    private static (bool Negative, string Digits, int Point) Digits(double d)
    {
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        if (negative)
            shortest = shortest[1..];
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..e];
        }
        var dot = shortest.IndexOf('.', StringComparison.Ordinal);
        var point = (dot < 0 ? shortest.Length : dot) + exponent;
        var digits = shortest.Replace(".", "", StringComparison.Ordinal);
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..];
        point -= leading;
        digits = digits.TrimEnd('0');
        return (negative, digits, point);
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
            return "0." + new string('0', -point) + digits;
        if (point >= digits.Length)
            return digits + new string('0', point - digits.Length);
        return digits[..point] + "." + digits[point..];
    }

    /// <summary>text/template's eq for one pair: same basic kind required (int against float64 is an error, as in Go); a missing value equals nothing but another.</summary>
    public static bool Equal(object? a, object? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        return (a, b) switch
        {
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            (long x, long y) => x == y,
            (double x, double y) => x.Equals(y),
            _ => throw new InvalidOperationException($"incompatible types for comparison: {Describe(a)} and {Describe(b)} (values.yaml numbers are float64, template integers are int)"),
        };
    }

    public static string Describe(object? value) => value switch
    {
        null => "nil",
        string => "string",
        bool => "bool",
        long => "int",
        double => "float64",
        IDictionary<string, object?> => "map",
        IList<object?> => "list",
        _ => value.GetType().Name,
    };

    /// <summary>Go's %q: a double-quoted string with \" \\ and control characters escaped.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
