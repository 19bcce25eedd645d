using System.Globalization;
using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.ProcessTrees;

/// <summary>The recursive-descent parser behind <see cref="ProcessTreeParser"/> (one instance per text).</summary>
internal sealed class ProcessTreeTextParser
{
    private const string Expected = "expected an activity ('label'), tau or an operator (->, X, +, *)";

    private readonly string _text;
    private readonly string _source;
    private readonly List<int> _lineStarts = [0];
    private readonly List<(string Label, int Position, DurationDistribution Distribution)> _durations = [];
    private DurationDistribution? _defaultDuration;
    private int _pos;

    public ProcessTreeTextParser(string text, string source)
    {
        _text = text;
        _source = source;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                _lineStarts.Add(i + 1);
        }
    }

    public ProcessTree ParseDocument()
    {
        SkipTrivia();
        if (AtEnd)
            throw Error(_pos, "no process tree in the text");
        var root = ParseNode(0);
        SkipTrivia();
        if (!AtEnd)
            throw Error(_pos, $"unexpected {Describe(_pos)} after the tree");

        var labels = ProcessTreeLabels.Collect(root);
        var durations = new Dictionary<string, DurationDistribution>(StringComparer.Ordinal);
        foreach (var (label, position, distribution) in _durations)
        {
            if (!labels.Contains(label))
                throw Error(position, $"'{label}' is not an activity of the tree");
            if (!durations.TryAdd(label, distribution))
                throw Error(position, $"second duration for '{label}'");
        }
        return new ProcessTree(root, durations, _defaultDuration);
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private ProcessTreeNode ParseNode(int depth)
    {
        SkipTrivia();
        if (AtEnd)
            throw Error(_pos, $"unexpected end of text: {Expected}");
        var start = _pos;
        switch (Current)
        {
            case '\'':
                return new ActivityLeaf(ReadLabel());
            case 'τ':
                _pos++;
                return SilentLeaf.Instance;
            case 't' when IsWord(start, "tau"):
                _pos += 3;
                return SilentLeaf.Instance;
            case '-' when Peek(1) == '>':
                _pos += 2;
                return ParseOperator(start, "->", depth);
            case 'X' when !IsIdentifierChar(Peek(1)):
            case '+':
            case '*':
                _pos++;
                return ParseOperator(start, _text[start].ToString(), depth);
            case 'O' when !IsIdentifierChar(Peek(1)):
                throw Error(start, "unsupported operator 'O' (supported: ->, X, +, *)");
            case 'P' when Peek(1) == 'O' && !IsIdentifierChar(Peek(2)):
                throw Error(start, "unsupported operator 'PO' (supported: ->, X, +, *)");
            case '<' when Peek(1) == '>':
                throw Error(start, "unsupported operator '<>' (supported: ->, X, +, *)");
            case var c when IsIdentifierChar(c):
                throw Error(start, $"unexpected {Describe(start)}: activity labels are quoted, e.g. '{ReadIdentifier(start)}'");
            default:
                throw Error(start, $"unexpected {Describe(start)}: {Expected}");
        }
    }

    private ProcessTreeNode ParseOperator(int start, string symbol, int depth)
    {
        if (depth >= ProcessTreeParser.MaxDepth)
            throw Error(start, $"operators nested deeper than {ProcessTreeParser.MaxDepth}");
        SkipTrivia();
        int? annotationAt = null;
        List<(double Value, int Position)>? numbers = null;
        if (!AtEnd && Current == '[')
        {
            annotationAt = _pos;
            if (symbol is not ("X" or "*"))
                throw Error(_pos, $"'{symbol}' takes no bracketed numbers (weights go on X, a redo probability on *)");
            numbers = ReadNumbers();
            SkipTrivia();
        }
        if (AtEnd || Current != '(')
            throw Error(_pos, $"expected '(' after '{symbol}', found {Describe(_pos)}");
        _pos++;
        SkipTrivia();
        if (!AtEnd && Current == ')')
            throw Error(_pos, $"'{symbol}' without children");

        var children = new List<ProcessTreeNode>();
        while (true)
        {
            children.Add(ParseNode(depth + 1));
            SkipTrivia();
            if (AtEnd)
                throw Error(_pos, $"unexpected end of text: expected ',' or ')' to close '{symbol}' at {Where(start)}");
            if (Current == ')')
            {
                _pos++;
                break;
            }
            if (Current != ',')
                throw Error(_pos, $"expected ',' or ')', found {Describe(_pos)}");
            _pos++;
        }

        switch (symbol)
        {
            case "->":
                return new SequenceNode(children);
            case "+":
                return new ParallelNode(children);
            case "X":
                if (numbers is null)
                    return new ChoiceNode(children);
                if (numbers.Count != children.Count)
                    throw Error(annotationAt!.Value, $"{numbers.Count} weights for {children.Count} children");
                foreach (var (value, position) in numbers)
                {
                    if (!ChoiceNode.IsValidWeight(value))
                        throw Error(position, "a weight must be positive and finite");
                }
                return new ChoiceNode(children, numbers.Select(n => n.Value));
            default:
                if (children.Count != 2)
                    throw Error(start, $"a loop has exactly two children (do, redo), found {children.Count}");
                if (numbers is null)
                    return new LoopNode(children[0], children[1]);
                if (numbers.Count != 1)
                    throw Error(annotationAt!.Value, "a loop takes one redo probability, e.g. *[0.3]( 'do', 'redo' )");
                if (!LoopNode.IsValidRedoProbability(numbers[0].Value))
                    throw Error(numbers[0].Position, "a redo probability lies strictly between 0 and 1");
                return new LoopNode(children[0], children[1], numbers[0].Value);
        }
    }

    /// <summary>Reads <c>[n, n, …]</c> at the current '['.</summary>
    private List<(double Value, int Position)> ReadNumbers()
    {
        _pos++; // '['
        var numbers = new List<(double, int)>();
        while (true)
        {
            SkipTrivia();
            var start = _pos;
            while (!AtEnd && (char.IsAsciiDigit(Current) || Current is '.' or '-' or '+' or 'e' or 'E'))
                _pos++;
            if (start == _pos)
                throw Error(start, $"expected a number, found {Describe(start)}");
            var token = _text[start.._pos];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw Error(start, $"invalid number '{token}'");
            numbers.Add((value, start));
            SkipTrivia();
            if (!AtEnd && Current == ']')
            {
                _pos++;
                return numbers;
            }
            if (AtEnd || Current != ',')
                throw Error(_pos, $"expected ',' or ']', found {Describe(_pos)}");
            _pos++;
        }
    }

    /// <summary>Reads a quoted label at the current quote (which must close on the same line).</summary>
    private string ReadLabel()
    {
        var open = _pos;
        var end = open + 1;
        while (end < _text.Length && _text[end] is not ('\'' or '\n' or '\r'))
            end++;
        if (end >= _text.Length || _text[end] != '\'')
            throw Error(open, "activity label not closed on its line (labels cannot contain ' or line breaks)");
        if (end == open + 1)
            throw Error(open, "empty activity label");
        _pos = end + 1;
        return _text[(open + 1)..end];
    }

    /// <summary>Skips whitespace and comments, and reads directives.</summary>
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
                _pos++;
            else if (c == '#')
                SkipToLineEnd();
            else if (c == '@')
                ReadDirective();
            else
                return;
        }
    }

    private void SkipToLineEnd()
    {
        while (!AtEnd && Current is not ('\n' or '\r'))
            _pos++;
    }

    private void ReadDirective()
    {
        var start = _pos;
        var lineStart = _lineStarts[LineColumn(start).Line - 1];
        if (!_text.AsSpan(lineStart, start - lineStart).IsWhiteSpace())
            throw Error(start, "a directive (@…) must start its own line");
        _pos++;
        var name = ReadWord();
        switch (name)
        {
            case "duration":
                SkipSpaces();
                if (AtEnd || Current != '\'')
                    throw Error(_pos, $"expected a quoted activity label after @duration, found {Describe(_pos)}");
                var labelAt = _pos;
                var label = ReadLabel();
                _durations.Add((label, labelAt, ReadDistribution()));
                break;
            case "default-duration":
                if (_defaultDuration is not null)
                    throw Error(start, "second @default-duration");
                _defaultDuration = ReadDistribution();
                break;
            default:
                throw Error(start, $"unknown directive '@{name}' (expected @duration or @default-duration)");
        }
        SkipSpaces();
        if (!AtEnd && Current is not ('\n' or '\r' or '#'))
            throw Error(_pos, $"unexpected {Describe(_pos)} after the directive");
    }

    private DurationDistribution ReadDistribution()
    {
        SkipSpaces();
        var kindAt = _pos;
        var kind = ReadWord();
        switch (kind)
        {
            case "constant":
                return new DurationDistribution.Constant(ReadTime());
            case "uniform":
                var min = ReadTime();
                SkipSpaces();
                var maxAt = _pos;
                var max = ReadTime();
                if (max < min)
                    throw Error(maxAt, "the maximum of a uniform duration is below its minimum");
                return new DurationDistribution.Uniform(min, max);
            case "gaussian":
                return new DurationDistribution.Gaussian(ReadTime(), ReadTime());
            case "":
                throw Error(kindAt, $"expected a duration (constant, uniform or gaussian), found {Describe(kindAt)}");
            default:
                throw Error(kindAt, $"unknown duration '{kind}' (expected constant, uniform or gaussian)");
        }
    }

    private TimeSpan ReadTime()
    {
        SkipSpaces();
        var start = _pos;
        while (!AtEnd && !char.IsWhiteSpace(Current) && Current != '#')
            _pos++;
        if (start == _pos)
            throw Error(start, $"expected a time such as 90s, found {Describe(start)}");
        var token = _text[start.._pos];
        var split = token.Length;
        while (split > 0 && char.IsAsciiLetter(token[split - 1]))
            split--;
        var perUnit = DurationText.TicksPerUnit(token[split..]);
        if (perUnit == 0
            || !decimal.TryParse(token.AsSpan(0, split), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw Error(start, $"invalid time '{token}' (expected a non-negative number and a unit ms, s, m or h, e.g. 90s)");
        }
        if (amount > (decimal)TimeSpan.MaxValue.Ticks / perUnit)
            throw Error(start, $"time '{token}' is too large");
        return TimeSpan.FromTicks((long)decimal.Round(amount * perUnit));
    }

    private string ReadWord()
    {
        var start = _pos;
        while (!AtEnd && (char.IsAsciiLetter(Current) || Current == '-'))
            _pos++;
        return _text[start.._pos];
    }

    private void SkipSpaces()
    {
        while (!AtEnd && Current is ' ' or '\t')
            _pos++;
    }

    private string ReadIdentifier(int start)
    {
        var end = start;
        while (end < _text.Length && IsIdentifierChar(_text[end]))
            end++;
        return _text[start..end];
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool IsWord(int start, string word) =>
        string.CompareOrdinal(_text, start, word, 0, word.Length) == 0
        && (start + word.Length >= _text.Length || !IsIdentifierChar(_text[start + word.Length]));

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private string Describe(int position)
    {
        if (position >= _text.Length)
            return "end of text";
        var c = _text[position];
        return c switch
        {
            '\n' or '\r' => "end of line",
            '\'' => "a quoted label",
            _ when IsIdentifierChar(c) => $"'{ReadIdentifier(position)}'",
            _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"character U+{(int)c:X4}"),
            _ => $"'{c}'",
        };
    }

    private string Where(int position)
    {
        var (line, column) = LineColumn(position);
        return string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
    }

    private (int Line, int Column) LineColumn(int position)
    {
        var index = _lineStarts.BinarySearch(position);
        if (index < 0)
            index = ~index - 1;
        return (index + 1, position - _lineStarts[index] + 1);
    }

    private ModelFormatException Error(int position, string reason)
    {
        var (line, column) = LineColumn(position);
        return new ModelFormatException(_source, line, column, reason);
    }
}
