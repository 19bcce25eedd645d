using System.Globalization;

namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// What a case-id prefix may be: non-empty, at most <see cref="MaxLength"/> characters, no whitespace and no control
/// characters, so ids stay one token in CSV, XES, JSON and Kafka keys, and incarnations of a generator that were given
/// different prefixes never share a case id.
/// </summary>
public static class CasePrefixRule
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="prefix"/> is not a valid prefix, or null when it is.</summary>
    public static string? Problem(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
            return "must not be empty";
        if (prefix.Length > MaxLength)
            return string.Create(CultureInfo.InvariantCulture, $"is {prefix.Length} characters long; at most {MaxLength} are allowed");
        for (int i = 0; i < prefix.Length; i++)
        {
            char c = prefix[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                return string.Create(CultureInfo.InvariantCulture, $"must not contain whitespace or control characters (U+{(int)c:X4} at position {i + 1})");
        }

        return null;
    }
}
