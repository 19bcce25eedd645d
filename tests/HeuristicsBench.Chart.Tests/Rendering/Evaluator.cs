using System.Text;

namespace HeuristicsBench.Chart.Tests.Rendering;

/// <summary>Executes parsed templates against a context. Errors name the template file and line of the action.</summary>
public sealed class Evaluator
{
    private const int MaxIncludeDepth = 50;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Node>> _defines;
    private int _depth;

    public Evaluator(IReadOnlyDictionary<string, IReadOnlyList<Node>> defines) => _defines = defines;

    public string Render(IReadOnlyList<Node> nodes, object? root)
    {
        var sb = new StringBuilder();
        Run(sb, nodes, root, root);
        return sb.ToString();
    }

    private void Run(StringBuilder sb, IReadOnlyList<Node> nodes, object? dot, object? root)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    sb.Append(text.Text);
                    break;
                case ActionNode action:
                    sb.Append(Guard(action.At, () => GoValues.Print(Evaluate(action.Pipeline, dot, root))));
                    break;
                case IfNode branch:
                    var taken = branch.Branches.FirstOrDefault(b => Guard(branch.At, () => GoValues.IsTrue(Evaluate(b.Condition, dot, root))));
                    Run(sb, taken.Body ?? branch.Else, dot, root);
                    break;
                case RangeNode range:
                    var items = Guard(range.At, () => Evaluate(range.Pipeline, dot, root) switch
                    {
                        null => [],
                        IList<object?> list => list,
                        var other => throw new InvalidOperationException($"range over a {GoValues.Describe(other)} is outside the supported subset (lists only)"),
                    });
                    if (items.Count == 0)
                        Run(sb, range.Else, dot, root);
                    foreach (var item in items)
                        Run(sb, range.Body, item, root);
                    break;
            }
        }
    }

    private object? Evaluate(Pipeline pipeline, object? dot, object? root)
    {
        object? previous = null;
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            var command = pipeline.Commands[i];
            var args = command.Arguments.Select(a => Operand(a, dot, root)).ToList();
            if (i > 0)
                args.Add(previous);
            previous = command.Function is { } name
                ? Functions.Call(name, args, (template, context) => Include(template, context))
                : Invoke(command, args);
        }
        return previous;
    }

    /// <summary>A command without a function: one value, or a method (<c>.Files.Get "x"</c>) called with the rest.</summary>
    private static object? Invoke(Command command, List<object?> args) => args[0] switch
    {
        Method method => method(args.Skip(1).ToList()),
        var value when args.Count == 1 => value,
        _ => throw new InvalidOperationException($"{Describe(command.Arguments[0])} is not a method and cannot take arguments (or a function result cannot be piped into it)"),
    };

    private object? Operand(Operand operand, object? dot, object? root) => operand switch
    {
        LiteralOperand literal => literal.Value,
        NestedOperand nested => Evaluate(nested.Pipeline, dot, root),
        FieldOperand field => Field(field, field.FromRoot ? root : dot),
        _ => throw new InvalidOperationException("unknown operand"),
    };

    private static object? Field(FieldOperand field, object? start)
    {
        var value = start;
        var walked = field.FromRoot ? "$" : "";
        foreach (var name in field.Path)
        {
            value = value switch
            {
                null => throw new InvalidOperationException($"nil pointer evaluating {walked}.{name} ({walked} is missing: helm fails here too)"),
                IDictionary<string, object?> map => map.TryGetValue(name, out var v) ? v : null,
                _ => throw new InvalidOperationException($"can't evaluate field {name} in a {GoValues.Describe(value)} ({walked})"),
            };
            walked += "." + name;
        }
        return value;
    }

    private string Include(string name, object? context)
    {
        if (!_defines.TryGetValue(name, out var body))
            throw new InvalidOperationException($"include: no template \"{name}\" is defined");
        if (++_depth > MaxIncludeDepth)
            throw new InvalidOperationException($"include \"{name}\": more than {MaxIncludeDepth} nested includes");
        try
        {
            var sb = new StringBuilder();
            Run(sb, body, context, context);
            return sb.ToString();
        }
        finally
        {
            _depth--;
        }
    }

    private static string Describe(Operand operand) => operand is FieldOperand f ? (f.FromRoot ? "$" : "") + "." + string.Join('.', f.Path) : "the operand";

    /// <summary>Runs an evaluation step, turning its failure into a <see cref="TemplateException"/> at <paramref name="at"/> (the innermost position wins).</summary>
    private static T Guard<T>(Position at, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (TemplateException)
        {
            throw;
        }
        catch (InvalidOperationException e)
        {
            throw new TemplateException(at.File, at.Line, e.Message);
        }
    }
}
