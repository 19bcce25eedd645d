using System.Globalization;
using System.Text;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>
/// Parses the inside of an action into a <see cref="Pipeline"/>. Operands: <c>.</c>, <c>.a.b</c>, <c>$</c>,
/// <c>$.a.b</c>, "strings" (with \" \\ \n \t escapes), integers (long), decimals (double), true, false, nil, and
/// <c>( pipeline )</c>. A command is a function name followed by operands, or one operand.
/// </summary>
public static class ExpressionParser
{
    public static Pipeline Parse(Position at, string text)
    {
        var tokens = Tokenize(at, text);
        var index = 0;
        var pipeline = ParsePipeline(at, tokens, ref index);
        if (index != tokens.Count)
            throw Error(at, $"unexpected '{tokens[index]}' in '{text}'");
        return pipeline;
    }

    private static Pipeline ParsePipeline(Position at, List<string> tokens, ref int index)
    {
        var commands = new List<Command>();
        while (true)
        {
            commands.Add(ParseCommand(at, tokens, ref index));
            if (index < tokens.Count && tokens[index] == "|")
            {
                index++;
                continue;
            }
            return new Pipeline(at, commands);
        }
    }

    private static Command ParseCommand(Position at, List<string> tokens, ref int index)
    {
        string? function = null;
        if (index < tokens.Count && IsIdentifier(tokens[index]) && tokens[index] is not ("true" or "false" or "nil"))
        {
            function = tokens[index];
            if (!Functions.Names.Contains(function))
                throw Error(at, $"function '{function}' is outside the supported subset ({string.Join(", ", Functions.Names.Order(StringComparer.Ordinal))})");
            index++;
        }
        var operands = new List<Operand>();
        while (index < tokens.Count && tokens[index] is not ("|" or ")"))
            operands.Add(ParseOperand(at, tokens, ref index));
        if (function is null && operands.Count == 0)
            throw Error(at, "empty command");
        if (function is null && operands.Count > 1 && operands[0] is not FieldOperand)
            throw Error(at, "several operands without a function");
        return new Command(function, operands);
    }

    private static Operand ParseOperand(Position at, List<string> tokens, ref int index)
    {
        var token = tokens[index++];
        if (token == "(")
        {
            var inner = ParsePipeline(at, tokens, ref index);
            if (index >= tokens.Count || tokens[index] != ")")
                throw Error(at, "missing )");
            index++;
            return new NestedOperand(inner);
        }
        if (token[0] == '"')
            return new LiteralOperand(token[1..]);
        if (token is "true" or "false")
            return new LiteralOperand(token == "true");
        if (token == "nil")
            return new LiteralOperand(null);
        if (token[0] == '.' || token[0] == '$')
        {
            var fromRoot = token[0] == '$';
            if (fromRoot && token.Length > 1 && token[1] != '.')
                throw Error(at, $"variable '{token}' is outside the supported subset (only $ is)");
            var path = token.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
            return new FieldOperand(fromRoot, path);
        }
        if (char.IsAsciiDigit(token[0]) || token[0] == '-')
        {
            if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                return new LiteralOperand(whole);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                return new LiteralOperand(real);
        }
        if (IsIdentifier(token))
            throw Error(at, $"'{token}' can only start a command; wrap it in parentheses");
        throw Error(at, $"'{token}' is outside the supported subset");
    }

    private static List<string> Tokenize(Position at, string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '|')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var value = new StringBuilder("\"");
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        value.Append(text[i + 1] switch
                        {
                            'n' => '\n',
                            't' => '\t',
                            '"' => '"',
                            '\\' => '\\',
                            var other => throw Error(at, $"escape \\{other} is outside the supported subset"),
                        });
                        i += 2;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }
                if (i >= text.Length)
                    throw Error(at, "unterminated string");
                i++;
                tokens.Add(value.ToString());
            }
            else if (c == ':' || c == '=' || c == ',')
            {
                throw Error(at, $"'{c}': variable declarations and assignments are outside the supported subset");
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|' or '"'))
                    i++;
                tokens.Add(text[start..i]);
            }
        }
        return tokens;
    }

    private static bool IsIdentifier(string token) => token.Length > 0 && char.IsAsciiLetter(token[0]) && token.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');

    private static TemplateException Error(Position at, string message) => new(at.File, at.Line, message);
}
