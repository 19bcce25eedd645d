using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace HeuristicsBench.Cli;

/// <summary>
/// Where option defaults come from. <see cref="BuiltIn"/>: the value in the code. <see cref="FromEnvironment"/>: an
/// environment variable named after the option (<c>--max-in-flight</c> → <c>PREFIX_MAX_IN_FLIGHT</c>) overrides it,
/// so a container can be configured without arguments; the command line still wins. A variable whose text does not
/// parse is reported by <see cref="ReportProblems"/> as a parse error naming the variable and the option, so it exits
/// 2 like a bad argument. The value of a variable goes through the option's validators like an argument does; since
/// System.CommandLine checks <c>AcceptOnlyFromAmong</c> on typed tokens only, use <see cref="AcceptOnlyFromAmong"/>
/// here for choices, and <see cref="Require{T}"/> for rules whose error should name the variable.
/// </summary>
public sealed class OptionDefaults
{
    private readonly string? _prefix;
    private readonly List<string> _problems = [];
    private readonly List<(string Option, string Variable)> _variables = [];
    private readonly Dictionary<Option, (string Variable, string Text)> _fromEnvironment = [];

    private OptionDefaults(string? prefix) => _prefix = prefix;

    public static OptionDefaults BuiltIn() => new(null);

    public static OptionDefaults FromEnvironment(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return new OptionDefaults(prefix);
    }

    /// <summary>Option name and environment variable of every option set so far (empty for built-in defaults).</summary>
    public IReadOnlyList<(string Option, string Variable)> Variables => _variables;

    /// <summary>
    /// Gives <paramref name="option"/> its default: the environment variable's value when set and non-empty, else
    /// <paramref name="fallback"/>. The variable is the prefix and <paramref name="name"/>, which defaults to the
    /// option's name in capitals with '_' for '-' (give it only to keep a variable name that predates that rule).
    /// </summary>
    public Option<T> Set<T>(Option<T> option, T fallback, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(option);
        var value = fallback;
        if (_prefix is not null)
        {
            var variable = _prefix + (name ?? option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant());
            _variables.Add((option.Name, variable));
            option.Description = $"{option.Description} [env {variable}]";
            var text = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(text))
            {
                try
                {
                    value = Parse<T>(text);
                    _fromEnvironment[option] = (variable, text);
                }
                catch (FormatException e)
                {
                    _problems.Add(Problem(variable, text, option, e.Message));
                }
            }
        }
        option.DefaultValueFactory = _ => value;
        return option;
    }

    /// <summary>Makes the environment variables that did not parse errors of <paramref name="command"/>.</summary>
    public void ReportProblems(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Validators.Add(result =>
        {
            foreach (var problem in _problems)
                result.AddError(problem);
        });
    }

    /// <summary>
    /// <paramref name="option"/> takes only <paramref name="choices"/>, whether typed or from its environment variable
    /// (System.CommandLine's own check sees typed tokens only).
    /// </summary>
    public void AcceptOnlyFromAmong(Option<string> option, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(choices);
        option.AcceptOnlyFromAmong(choices);
        option.Validators.Add(result =>
        {
            if (result.Implicit && _fromEnvironment.TryGetValue(option, out var source) && !choices.Contains(source.Text, StringComparer.Ordinal))
                result.AddError(Problem(source.Variable, source.Text, option, $"use one of {string.Join(", ", choices)}"));
        });
    }

    /// <summary>
    /// Refuses a value of <paramref name="option"/> for which <paramref name="valid"/> is false with "--name value: rule",
    /// or, for a value from the environment, with the variable named as for a value that does not parse.
    /// </summary>
    public void Require<T>(Option<T> option, Func<T, bool> valid, string rule)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(valid);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (valid(value))
                return;
            result.AddError(result.Implicit && _fromEnvironment.TryGetValue(option, out var source)
                ? Problem(source.Variable, source.Text, option, rule)
                : $"{option.Name} {Convert.ToString(value, CultureInfo.InvariantCulture)}: {rule}");
        });
    }

    /// <summary>
    /// Refuses a value of <paramref name="option"/> for which <paramref name="problem"/> gives a message (which should
    /// name the option); for a value from the environment the variable is named in front of it.
    /// </summary>
    public void Require<T>(Option<T> option, Func<T, string?> problem)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(problem);
        option.Validators.Add(result =>
        {
            if (problem(result.GetValueOrDefault<T>()) is not { } message)
                return;
            result.AddError(result.Implicit && _fromEnvironment.TryGetValue(option, out var source)
                ? Problem(source.Variable, source.Text, option, message)
                : message);
        });
    }

    /// <summary>Environment text as the option's type; lists (string[]) are separated by ';'.</summary>
    public static T Parse<T>(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        var trimmed = text.Trim();
        object value = type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(string[]) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ when type == typeof(int) => int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw NotA("a whole number"),
            _ when type == typeof(long) => long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw NotA("a whole number"),
            _ when type == typeof(ulong) => ulong.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : throw NotA("a non-negative whole number"),
            _ when type == typeof(double) => double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw NotA("a number"),
            _ when type == typeof(bool) => trimmed.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw NotA("true or false"),
            },
            _ => throw new NotSupportedException($"no environment parser for {type.Name}"),
        };
        return (T)value;
    }

    private static string Problem(string variable, string text, Option option, string message) =>
        $"{variable}={text} (the default of {option.Name}): {message}";

    private static FormatException NotA(string what) => new($"not {what}");
}
