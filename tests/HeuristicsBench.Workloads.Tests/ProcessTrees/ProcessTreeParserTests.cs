using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.ProcessTrees;

namespace HeuristicsBench.Workloads.Tests.ProcessTrees;

public class ProcessTreeParserTests
{
    private static ProcessTreeNode Parse(string text) => ProcessTreeParser.Parse(text, "t").Root;

    private static ActivityLeaf A(string label) => new(label);

    [Theory]
    [InlineData("->( 'register', X( 'check', 'examine' ), +( 'a', 'b' ), *( 'work', tau ) )")]
    [InlineData("'a'")]
    [InlineData("tau")]
    [InlineData("X[0.7,0.3]( 'a', tau )")]
    [InlineData("*[0.25]( ->( 'a', 'b' ), X[1,2,3]( 'c', 'd', 'e' ) )")]
    [InlineData("+( 'a b', ' spaced ', 'x,y(z)#@' )")]
    public void Pm4py_notation_is_written_back_exactly(string text)
    {
        var node = Parse(text);
        Assert.Equal(text, node.ToString());
        Assert.Equal(node, Parse(node.ToString()));
    }

    [Fact]
    public void Parses_the_expected_structure()
    {
        var expected = new SequenceNode(
            A("register"),
            new ChoiceNode(A("check"), A("examine")),
            new ParallelNode(A("a"), A("b")),
            new LoopNode(A("work"), SilentLeaf.Instance));
        Assert.Equal(expected, Parse("->('register',X('check','examine'),+('a','b'),*('work',tau))"));
        Assert.Equal(expected, Parse("->(\n  'register' , X ( 'check', 'examine' ),\r\n  +( 'a', 'b' ), # comment ( 'x'\n  *( 'work', τ ) )\n"));
    }

    [Fact]
    public void Equality_sees_weights_and_redo_probabilities()
    {
        Assert.NotEqual(Parse("X( 'a', 'b' )"), Parse("X[1,1]( 'a', 'b' )"));
        Assert.NotEqual(Parse("X[1,2]( 'a', 'b' )"), Parse("X[2,1]( 'a', 'b' )"));
        Assert.NotEqual(Parse("*( 'a', 'b' )"), Parse("*[0.5]( 'a', 'b' )"));
        Assert.NotEqual(Parse("->( 'a', 'b' )"), Parse("+( 'a', 'b' )"));
        Assert.NotEqual(Parse("->( 'a', 'b' )"), Parse("->( 'b', 'a' )"));
        Assert.Equal(new ChoiceNode([A("a"), A("b")], [0.7, 0.3]), Parse("X[0.7, 0.3]( 'a', 'b' )"));
        Assert.Equal(0.3, Assert.IsType<LoopNode>(Parse("*[ 0.3 ]( 'a', 'b' )")).RedoProbability);
    }

    [Fact]
    public void Directives_set_durations_and_round_trip()
    {
        var text = """
            # durations
            @default-duration gaussian 30s 5s
            @duration 'b' uniform 1.5m 2h   # trailing comment
            @duration 'a' constant 250ms
            ->( 'a', 'b', 'c' )
            """;
        var tree = ProcessTreeParser.Parse(text, "t");
        Assert.Equal(new DurationDistribution.Gaussian(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), tree.DefaultDuration);
        Assert.Equal(new DurationDistribution.Constant(TimeSpan.FromMilliseconds(250)), tree.Durations["a"]);
        Assert.Equal(new DurationDistribution.Uniform(TimeSpan.FromSeconds(90), TimeSpan.FromHours(2)), tree.Durations["b"]);
        Assert.False(tree.Durations.ContainsKey("c"));
        Assert.Equal(
            "@default-duration gaussian 30s 5s\n@duration 'a' constant 250ms\n@duration 'b' uniform 90s 7200s\n->( 'a', 'b', 'c' )",
            tree.ToString());
        Assert.Equal(tree, ProcessTreeParser.Parse(tree.ToString(), "again"));
        Assert.Equal(tree, ProcessTreeParser.Parse(new StringReader(text), "reader"));
    }

    [Fact]
    public void Durations_with_fractional_milliseconds_round_trip()
    {
        var tree = new ProcessTree(A("a"), new Dictionary<string, DurationDistribution>
        {
            ["a"] = new DurationDistribution.Uniform(TimeSpan.FromTicks(1), TimeSpan.FromTicks(123_456_789)),
        });
        Assert.Equal("@duration 'a' uniform 0.0001ms 12345.6789ms\n'a'", tree.ToString());
        Assert.Equal(tree, ProcessTreeParser.Parse(tree.ToString(), "t"));
    }

    [Fact]
    public void Random_trees_round_trip()
    {
        for (var seed = 0UL; seed < 200; seed++)
        {
            var node = RandomTreeGenerator.Generate(new RandomTreeOptions { MinActivities = 1, ModeActivities = 8, MaxActivities = 25 }, seed);
            var text = node.ToString();
            var back = Parse(text);
            Assert.Equal(node, back);
            Assert.Equal(node.GetHashCode(), back.GetHashCode());
            Assert.Equal(text, back.ToString());
        }
    }

    [Theory]
    [InlineData("", 1, 1, "no process tree in the text")]
    [InlineData("  # only a comment\n", 2, 1, "no process tree in the text")]
    [InlineData("->( 'a', 'b'", 1, 13, "unexpected end of text: expected ',' or ')' to close '->' at 1:1")]
    [InlineData("->( 'a' 'b' )", 1, 9, "expected ',' or ')', found a quoted label")]
    [InlineData("->( 'a',\n  'b )", 2, 3, "activity label not closed on its line (labels cannot contain ' or line breaks)")]
    [InlineData("->( 'a',\r\n 'b' 'c' )", 2, 6, "expected ',' or ')', found a quoted label")]
    [InlineData("->( 'a',\r 'b' 'c' )", 2, 6, "expected ',' or ')', found a quoted label")]
    [InlineData("->( '' )", 1, 5, "empty activity label")]
    [InlineData("->( )", 1, 5, "'->' without children")]
    [InlineData("->( 'a', )", 1, 10, "unexpected ')': expected an activity ('label'), tau or an operator (->, X, +, *)")]
    [InlineData("X 'a'", 1, 3, "expected '(' after 'X', found a quoted label")]
    [InlineData("->( a )", 1, 5, "unexpected 'a': activity labels are quoted, e.g. 'a'")]
    [InlineData("->( 'a',\n   taux )", 2, 4, "unexpected 'taux': activity labels are quoted, e.g. 'taux'")]
    [InlineData("O( 'a', 'b' )", 1, 1, "unsupported operator 'O' (supported: ->, X, +, *)")]
    [InlineData("->( <>( 'a', 'b' ) )", 1, 5, "unsupported operator '<>' (supported: ->, X, +, *)")]
    [InlineData("'a' 'b'", 1, 5, "unexpected a quoted label after the tree")]
    [InlineData("->( 'a' ) # fine\n)", 2, 1, "unexpected ')' after the tree")]
    [InlineData("*( 'a', 'b', 'c' )", 1, 1, "a loop has exactly two children (do, redo), found 3")]
    [InlineData("->( 'x', *( 'a' ) )", 1, 10, "a loop has exactly two children (do, redo), found 1")]
    [InlineData("X[0.5]( 'a', 'b' )", 1, 2, "1 weights for 2 children")]
    [InlineData("X[1,-1]( 'a', 'b' )", 1, 5, "a weight must be positive and finite")]
    [InlineData("X[1,0]( 'a', 'b' )", 1, 5, "a weight must be positive and finite")]
    [InlineData("X[1,x]( 'a', 'b' )", 1, 5, "expected a number, found 'x'")]
    [InlineData("X[1,1.2.3]( 'a', 'b' )", 1, 5, "invalid number '1.2.3'")]
    [InlineData("X[1;2]( 'a', 'b' )", 1, 4, "expected ',' or ']', found ';'")]
    [InlineData("*[1.5]( 'a', 'b' )", 1, 3, "a redo probability lies strictly between 0 and 1")]
    [InlineData("*[0.2,0.3]( 'a', 'b' )", 1, 2, "a loop takes one redo probability, e.g. *[0.3]( 'do', 'redo' )")]
    [InlineData("+[1]( 'a' )", 1, 2, "'+' takes no bracketed numbers (weights go on X, a redo probability on *)")]
    [InlineData("@duration 'zz' constant 1s\n'a'", 1, 11, "'zz' is not an activity of the tree")]
    [InlineData("@duration 'a' uniform 10s 5s\n'a'", 1, 27, "the maximum of a uniform duration is below its minimum")]
    [InlineData("@duration 'a' constant 10x\n'a'", 1, 24, "invalid time '10x' (expected a non-negative number and a unit ms, s, m or h, e.g. 90s)")]
    [InlineData("@duration 'a' constant -1s\n'a'", 1, 24, "invalid time '-1s' (expected a non-negative number and a unit ms, s, m or h, e.g. 90s)")]
    [InlineData("@duration 'a' constant\n'a'", 1, 23, "expected a time such as 90s, found end of line")]
    [InlineData("@duration 'a' poisson 3s\n'a'", 1, 15, "unknown duration 'poisson' (expected constant, uniform or gaussian)")]
    [InlineData("@duration a constant 1s\n'a'", 1, 11, "expected a quoted activity label after @duration, found 'a'")]
    [InlineData("@speed 3\n'a'", 1, 1, "unknown directive '@speed' (expected @duration or @default-duration)")]
    [InlineData("'a' @duration 'a' constant 1s", 1, 5, "a directive (@…) must start its own line")]
    [InlineData("@duration 'a' constant 1s\n  @duration 'a' constant 2s\n'a'", 2, 13, "second duration for 'a'")]
    [InlineData("@default-duration constant 1s\n@default-duration constant 1s\n'a'", 2, 1, "second @default-duration")]
    [InlineData("@default-duration constant 1s extra\n'a'", 1, 31, "unexpected 'extra' after the directive")]
    [InlineData("@duration 'a' constant 99999999999999999999h\n'a'", 1, 24, "time '99999999999999999999h' is too large")]
    public void Errors_name_source_line_and_column(string text, int line, int column, string reason)
    {
        var e = Assert.Throws<ModelFormatException>(() => ProcessTreeParser.Parse(text, "m.ptree"));
        Assert.Equal($"m.ptree:{line}:{column}: {reason}", e.Message);
        Assert.Equal(("m.ptree", line, column, reason), (e.SourceName, e.Line, e.Column, e.Reason));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var ok = string.Concat(Enumerable.Repeat("->( ", ProcessTreeParser.MaxDepth)) + "'a'" + new string(')', ProcessTreeParser.MaxDepth);
        Assert.IsType<SequenceNode>(Parse(ok));
        var deep = string.Concat(Enumerable.Repeat("->( ", ProcessTreeParser.MaxDepth + 1)) + "'a'" + new string(')', ProcessTreeParser.MaxDepth + 1);
        var e = Assert.Throws<ModelFormatException>(() => Parse(deep));
        Assert.Equal($"t:1:{(4 * ProcessTreeParser.MaxDepth) + 1}: operators nested deeper than {ProcessTreeParser.MaxDepth}", e.Message);
    }

    [Fact]
    public void Constructors_reject_what_the_notation_cannot_write()
    {
        Assert.Throws<ArgumentException>(() => new ActivityLeaf("it's"));
        Assert.Throws<ArgumentException>(() => new ActivityLeaf("a\nb"));
        Assert.Throws<ArgumentException>(() => new ActivityLeaf(""));
        Assert.Throws<ArgumentException>(() => new SequenceNode());
        Assert.Throws<ArgumentException>(() => new ChoiceNode([A("a"), A("b")], [1.0]));
        Assert.Throws<ArgumentException>(() => new ChoiceNode([A("a"), A("b")], [1.0, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoopNode(A("a"), SilentLeaf.Instance, 1.0));
        Assert.Throws<ArgumentException>(() => new ProcessTree(A("a"), new Dictionary<string, DurationDistribution>
        {
            ["b"] = new DurationDistribution.Constant(TimeSpan.Zero),
        }));
    }
}
