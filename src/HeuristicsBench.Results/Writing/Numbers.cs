using System.Globalization;

namespace HeuristicsBench.Results.Writing;

/// <summary>How numbers appear in the result files: invariant culture, shortest round-trip form; empty when absent.</summary>
internal static class Numbers
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(double? value) => value is { } v ? Format(v) : "";

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
