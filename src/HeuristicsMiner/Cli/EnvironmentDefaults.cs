using System.CommandLine.Parsing;
using System.Globalization;

namespace HeuristicsMiner.Cli;

/// <summary>
/// Option defaults read from environment variables (PREFIX + NAME, e.g. MINER_BOOTSTRAP), so a container can be
/// configured without arguments. A value that does not parse is an error naming the variable. Without a prefix
/// the fallbacks are used as they are.
/// </summary>
public sealed class EnvironmentDefaults(string? prefix)
{
    public Func<ArgumentResult, string> Text(string name, string fallback) => Read(name, fallback, raw => raw);

    public Func<ArgumentResult, double> Real(string name, double fallback) =>
        Read(name, fallback, raw => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));

    public Func<ArgumentResult, long> LongCount(string name, long fallback) =>
        Read(name, fallback, raw => long.Parse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public Func<ArgumentResult, int> Count(string name, int fallback) =>
        Read(name, fallback, raw => int.Parse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public Func<ArgumentResult, bool> Flag(string name) => Read(name, false, raw => raw.ToUpperInvariant() switch
    {
        "1" or "TRUE" or "YES" or "ON" => true,
        "0" or "FALSE" or "NO" or "OFF" => false,
        _ => throw new FormatException("expected true/false"),
    });

    /// <summary>The variable's name for documentation, or null without a prefix.</summary>
    public string? Variable(string name) => prefix is null ? null : prefix + name;

    private Func<ArgumentResult, T> Read<T>(string name, T fallback, Func<string, T> parse) => result =>
    {
        if (prefix is null || Environment.GetEnvironmentVariable(prefix + name) is not { Length: > 0 } raw)
            return fallback;
        try
        {
            return parse(raw.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            result.AddError($"environment variable {prefix}{name}='{raw}' is not valid for {result.Argument.Name}: {e.Message}");
            return fallback;
        }
    };
}
