namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>
/// Builds the node tree of one template file: text, actions, <c>if</c>/<c>else if</c>/<c>else</c>/<c>end</c>,
/// <c>range</c>/<c>else</c>/<c>end</c> and <c>define "name"</c>/<c>end</c> (only at the top level). Anything else
/// that text/template knows (<c>with</c>, <c>template</c>, <c>block</c>, <c>break</c>, variables) is refused with the
/// file and line.
/// </summary>
public static class TemplateParser
{
    private static readonly string[] Unsupported = ["with", "template", "block", "break", "continue"];

    public static (IReadOnlyList<Node> Body, IReadOnlyDictionary<string, IReadOnlyList<Node>> Defines) Parse(string file, string source)
    {
        var pieces = Lexer.Split(file, source);
        var defines = new Dictionary<string, IReadOnlyList<Node>>(StringComparer.Ordinal);
        var index = 0;
        var body = ParseList(file, pieces, ref index, defines, topLevel: true, out var stop);
        if (stop is not null)
            throw new TemplateException(file, stop.Line, $"unexpected {{{{ {stop.Text} }}}}");
        return (body, defines);
    }

    private static List<Node> ParseList(string file, IReadOnlyList<Piece> pieces, ref int index, Dictionary<string, IReadOnlyList<Node>> defines, bool topLevel, out Piece? stop)
    {
        var nodes = new List<Node>();
        while (index < pieces.Count)
        {
            var piece = pieces[index++];
            var at = new Position(file, piece.Line);
            if (!piece.IsAction)
            {
                nodes.Add(new TextNode(at, piece.Text));
                continue;
            }
            var keyword = FirstWord(piece.Text);
            switch (keyword)
            {
                case "end":
                case "else":
                    stop = piece;
                    return nodes;
                case "if":
                    nodes.Add(ParseIf(file, pieces, ref index, defines, piece));
                    break;
                case "range":
                    nodes.Add(ParseRange(file, pieces, ref index, defines, piece));
                    break;
                case "define":
                    if (!topLevel)
                        throw new TemplateException(file, piece.Line, "define inside another block");
                    var name = piece.Text["define".Length..].Trim();
                    if (name.Length < 2 || name[0] != '"' || name[^1] != '"')
                        throw new TemplateException(file, piece.Line, "define needs a quoted name");
                    var body = ParseList(file, pieces, ref index, defines, topLevel: false, out var end);
                    if (end is null || end.Text != "end")
                        throw new TemplateException(file, piece.Line, $"define {name} without end");
                    defines[name[1..^1]] = body;
                    break;
                default:
                    if (Unsupported.Contains(keyword))
                        throw new TemplateException(file, piece.Line, $"'{keyword}' is outside the supported subset");
                    nodes.Add(new ActionNode(at, ExpressionParser.Parse(at, piece.Text)));
                    break;
            }
        }
        stop = null;
        return nodes;
    }

    private static IfNode ParseIf(string file, IReadOnlyList<Piece> pieces, ref int index, Dictionary<string, IReadOnlyList<Node>> defines, Piece opening)
    {
        var at = new Position(file, opening.Line);
        var branches = new List<(Pipeline, IReadOnlyList<Node>)>();
        var condition = ExpressionParser.Parse(at, opening.Text["if".Length..]);
        while (true)
        {
            var body = ParseList(file, pieces, ref index, defines, topLevel: false, out var stop);
            branches.Add((condition, body));
            if (stop is null)
                throw new TemplateException(file, opening.Line, "if without end");
            if (stop.Text == "end")
                return new IfNode(at, branches, []);
            var rest = stop.Text["else".Length..].Trim();
            if (rest.Length == 0)
            {
                var elseBody = ParseList(file, pieces, ref index, defines, topLevel: false, out var end);
                if (end is null || end.Text != "end")
                    throw new TemplateException(file, stop.Line, "else without end");
                return new IfNode(at, branches, elseBody);
            }
            if (FirstWord(rest) != "if")
                throw new TemplateException(file, stop.Line, $"'else {FirstWord(rest)}' is outside the supported subset");
            condition = ExpressionParser.Parse(new Position(file, stop.Line), rest["if".Length..]);
        }
    }

    private static RangeNode ParseRange(string file, IReadOnlyList<Piece> pieces, ref int index, Dictionary<string, IReadOnlyList<Node>> defines, Piece opening)
    {
        var at = new Position(file, opening.Line);
        var list = ExpressionParser.Parse(at, opening.Text["range".Length..]);
        var body = ParseList(file, pieces, ref index, defines, topLevel: false, out var stop);
        if (stop is null)
            throw new TemplateException(file, opening.Line, "range without end");
        if (stop.Text == "end")
            return new RangeNode(at, list, body, []);
        if (stop.Text != "else")
            throw new TemplateException(file, stop.Line, $"'{stop.Text}' inside range is outside the supported subset");
        var elseBody = ParseList(file, pieces, ref index, defines, topLevel: false, out var end);
        if (end is null || end.Text != "end")
            throw new TemplateException(file, stop.Line, "range else without end");
        return new RangeNode(at, list, body, elseBody);
    }

    private static string FirstWord(string text)
    {
        var i = 0;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '(')
            i++;
        return text[..i];
    }
}
