using System.Globalization;
using System.Text;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;
using static HeuristicsMiner.Tests.Export.NetFixtures;

namespace HeuristicsMiner.Tests.Export;

public class DotWriterTests
{
    [Fact]
    public void Sequence_has_activities_edges_and_start_end_nodes()
    {
        string dot = Dot(Sequence());

        Assert.Equal(
            """
            digraph heuristics_net {
              rankdir=LR;
              node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];
              edge [fontname="Helvetica", fontsize=10];
              "@@start" [shape=circle, style=filled, fillcolor="#7fc97f", label="start"];
              "@@end" [shape=doublecircle, style=filled, fillcolor="#f0a0a0", label="end"];
              n0 [label="a\n(10)"];
              n1 [label="b\n(10)"];
              n2 [label="c\n(10)"];
              "@@start" -> n0;
              n0 -> n1 [label="10 / 0.900"];
              n1 -> n2 [label="10 / 0.900"];
              n2 -> "@@end";
            }

            """.ReplaceLineEndings("\n"),
            dot);
    }

    [Fact]
    public void And_bindings_are_listed_in_the_label_and_their_edges_are_bold()
    {
        string and = Dot(AndSplit());
        string xor = Dot(XorSplit());

        Assert.Contains("n0 [label=\"a\\n(10)\\nout: b & c\"];", and, StringComparison.Ordinal);
        Assert.Contains("n3 [label=\"d\\n(10)\\nin: b & c\"];", and, StringComparison.Ordinal);
        Assert.Contains("n0 -> n1 [label=\"10 / 0.900\", style=bold];", and, StringComparison.Ordinal);
        Assert.Contains("n2 -> n3 [label=\"10 / 0.900\", style=bold];", and, StringComparison.Ordinal);
        Assert.DoesNotContain("bold", xor, StringComparison.Ordinal);
        Assert.DoesNotContain("out:", xor, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_start_and_end_activities_each_get_an_edge()
    {
        string dot = Dot(StartInLoopTwoEnds());

        Assert.Contains("\"@@start\" -> n0;", dot, StringComparison.Ordinal);
        Assert.Contains("n1 -> \"@@end\";", dot, StringComparison.Ordinal);
        Assert.Contains("n2 -> \"@@end\";", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_are_escaped_so_every_quoted_string_reads_back_exactly()
    {
        string[] names = ["say \"hi\"", "back\\slash\\", "two\r\nlines", "tab\tbell\a", "@@start", "{<rec|ord>}", "日本 😀"];
        var hn = Net(
            [.. names.Select((n, i) => Node(n, i + 1))],
            [.. names.Skip(1).Select((n, i) => Arc(names[i], n))],
            [names[0]], [names[^1]]);

        string dot = Dot(hn);
        var strings = QuotedStrings(dot);

        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            string shown = name.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\t', ' ').Replace('\a', ' ');
            // DOT's escString: "\n" is a line break, "\\" a backslash once the quoted string has been read.
            Assert.Contains(Shown(shown) + "\\n(" + (i + 1).ToString(CultureInfo.InvariantCulture) + ")", strings);
        }
        // The activity named "@@start" is its own node, not the start marker.
        Assert.Single(dot.Split('\n'), l => l.StartsWith("  \"@@start\" [", StringComparison.Ordinal));
        // Every statement stays on its own line: 6 header lines, 7 nodes, 1 start edge, 6 arcs, 1 end edge, "}" and "".
        Assert.Equal(6 + 7 + 1 + 6 + 1 + 2, dot.Split('\n').Length);
    }

    [Fact]
    public void Numbers_use_the_invariant_culture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "~";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            var hn = Net([Node("a", 1234567), Node("b", 1)], [Arc("a", "b", 1234567, -0.12345)], ["a"], ["b"]);

            string dot = Dot(hn);

            Assert.Contains("[label=\"1234567 / -0.123\"]", dot, StringComparison.Ordinal);
            Assert.Contains("label=\"a\\n(1234567)\"", dot, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Output_is_stable_for_equal_input()
    {
        var hn = LengthTwoLoop();
        var reordered = hn with { Nodes = [.. hn.Nodes.Reverse()], Arcs = [.. hn.Arcs.Reverse()] };

        Assert.Equal(Dot(hn), Dot(hn));
        Assert.Equal(Dot(hn), Dot(reordered));
    }

    [Fact]
    public void Petri_net_dot_has_one_statement_per_node_and_arc()
    {
        var net = HeuristicsNetToPetriNet.Convert(SelfLoop());
        using var writer = new StringWriter();

        DotWriter.Write(net, writer);
        string dot = writer.ToString();

        var lines = dot.Split('\n');
        Assert.Equal(net.Places.Count, lines.Count(l => l.StartsWith("  p", StringComparison.Ordinal) && l.Contains("shape=", StringComparison.Ordinal)));
        Assert.Equal(net.Transitions.Count, lines.Count(l => l.StartsWith("  t", StringComparison.Ordinal) && l.Contains("shape=", StringComparison.Ordinal)));
        Assert.Equal(net.Arcs.Count, lines.Count(l => l.Contains(" -> ", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains("label=\"\u25CF\", tooltip=\"source\"", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("doublecircle", StringComparison.Ordinal) && l.Contains("tooltip=\"sink\"", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("fillcolor=\"#000000\"", StringComparison.Ordinal) && l.Contains("tooltip=\"hid_3\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Quote_escapes_quotes_backslashes_and_line_breaks()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\\ne\"", DotWriter.Quote("a\"b\\c\r\nd\re"));
    }

    private static string Dot(HeuristicsNet net)
    {
        using var writer = new StringWriter();
        DotWriter.Write(net, writer);
        return writer.ToString();
    }

    /// <summary>What a DOT label string looks like after quoting: backslash doubled, quote escaped, newline as \n.</summary>
    private static string Shown(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// The contents of every double-quoted string, read as DOT's lexer reads them: a string ends at the first '"'
    /// not preceded by a backslash, and only \" is unescaped (other backslash pairs are kept for the escString
    /// layer). Throws when a string is left open or a raw line break appears inside one.
    /// </summary>
    private static List<string> QuotedStrings(string dot)
    {
        var result = new List<string>();
        for (int i = 0; i < dot.Length; i++)
        {
            if (dot[i] != '"')
                continue;
            var sb = new StringBuilder();
            for (i++; ; i++)
            {
                if (i >= dot.Length)
                    throw new InvalidOperationException("unterminated string");
                char c = dot[i];
                if (c is '\n' or '\r')
                    throw new InvalidOperationException("raw line break inside a string");
                if (c == '\\' && i + 1 < dot.Length)
                {
                    char next = dot[i + 1];
                    if (next == '"')
                        sb.Append('"');
                    else
                        sb.Append(c).Append(next);
                    i++;
                    continue;
                }
                if (c == '"')
                    break;
                sb.Append(c);
            }
            result.Add(sb.ToString());
        }
        return result;
    }
}
