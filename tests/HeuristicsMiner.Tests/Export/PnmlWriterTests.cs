using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.PetriNets;
using static HeuristicsMiner.Tests.Export.NetFixtures;

namespace HeuristicsMiner.Tests.Export;

public partial class PnmlWriterTests
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV8();

    [Fact]
    public void Pnml_has_the_core_model_structure_counts_and_markings()
    {
        var net = HeuristicsNetToPetriNet.Convert(SelfLoop());

        var doc = XDocument.Parse(Encoding.UTF8.GetString(ToBytes(net)));

        var root = doc.Root!;
        Assert.Equal("pnml", root.Name.LocalName);
        var xnet = Assert.Single(root.Elements());
        Assert.Equal("net", xnet.Name.LocalName);
        Assert.Equal("net1", xnet.Attribute("id")?.Value);
        Assert.Equal("http://www.pnml.org/version-2009/grammar/pnmlcoremodel", xnet.Attribute("type")?.Value);
        var page = Assert.Single(xnet.Elements("page"));
        Assert.Equal("n0", page.Attribute("id")?.Value);

        Assert.Equal(4, page.Elements("place").Count());
        Assert.Equal(4, page.Elements("transition").Count());
        Assert.Equal(8, page.Elements("arc").Count());
        Assert.All(page.Elements("place").Concat(page.Elements("transition")),
            e => Assert.False(string.IsNullOrEmpty(e.Element("name")?.Element("text")?.Value)));
        Assert.All(page.Elements("arc"), a =>
        {
            Assert.NotNull(a.Attribute("id"));
            Assert.NotNull(a.Attribute("source"));
            Assert.NotNull(a.Attribute("target"));
        });
        Assert.Equal(page.Elements("arc").Count(), page.Elements("arc").Select(a => a.Attribute("id")!.Value).Distinct().Count());

        var marked = Assert.Single(page.Elements("place"), p => p.Element("initialMarking") is not null);
        Assert.Equal("source", marked.Attribute("id")?.Value);
        Assert.Equal("1", marked.Element("initialMarking")?.Element("text")?.Value);

        var finalPlace = Assert.Single(xnet.Elements("finalmarkings").Elements("marking").Elements("place"));
        Assert.Equal("sink", finalPlace.Attribute("idref")?.Value);
        Assert.Equal("1", finalPlace.Element("text")?.Value);
    }

    [Fact]
    public void Silent_transitions_carry_the_prom_invisible_marker_and_visible_ones_none()
    {
        var net = HeuristicsNetToPetriNet.Convert(StartInLoopTwoEnds());

        var page = XDocument.Parse(Encoding.UTF8.GetString(ToBytes(net))).Root!.Element("net")!.Element("page")!;

        var silent = page.Elements("transition").Where(t => t.Element("toolspecific") is not null).ToList();
        Assert.Equal(["hid_2", "hid_5", "hid_6"], silent.Select(t => t.Attribute("id")!.Value));
        foreach (var transition in silent)
        {
            var tool = Assert.Single(transition.Elements("toolspecific"));
            Assert.Equal("ProM", tool.Attribute("tool")?.Value);
            Assert.Equal("6.4", tool.Attribute("version")?.Value);
            Assert.Equal("$invisible$", tool.Attribute("activity")?.Value);
            Assert.Matches(UuidV8(), tool.Attribute("localNodeID")!.Value);
            Assert.Equal(transition.Attribute("id")!.Value, transition.Element("name")!.Element("text")!.Value);
        }
        var localIds = silent.Select(t => t.Element("toolspecific")!.Attribute("localNodeID")!.Value).ToList();
        Assert.Equal(localIds.Count, localIds.Distinct().Count());
        Assert.Equal(["a", "b", "c"], page.Elements("transition").Except(silent).Select(t => t.Element("name")!.Element("text")!.Value));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("xor")]
    [InlineData("and")]
    [InlineData("selfloop")]
    [InlineData("l2l")]
    [InlineData("starts")]
    public void Pnml_read_back_like_pm4py_gives_the_same_net(string which)
    {
        var net = HeuristicsNetToPetriNet.Convert(which switch
        {
            "sequence" => Sequence(),
            "xor" => XorSplit(),
            "and" => AndSplit(),
            "selfloop" => SelfLoop(),
            "l2l" => LengthTwoLoop(),
            _ => StartInLoopTwoEnds(),
        });

        var back = Pm4pyStylePnmlReader.Read(XDocument.Parse(Encoding.UTF8.GetString(ToBytes(net))));

        Assert.Equal(HeuristicsNetToPetriNetTests.Describe(net), HeuristicsNetToPetriNetTests.Describe(back));
    }

    [Fact]
    public void Hostile_names_are_escaped_and_survive_a_round_trip()
    {
        string[] names = ["<a & \"b\">", "it's", "c\r\nd", "naïve 日本 😀", "x]]>y", "tab\there"];
        var net = new PetriNet(
            [new Place("source"), new Place("p<&>\""), new Place("sink")],
            [new Transition(names[0], names[0]), new Transition("t1", names[1]), new Transition(names[2], names[2]),
             new Transition("t3", names[3]), new Transition("t4", names[4]), new Transition("t5", names[5]), new Transition("τ & <silent>", null)],
            [new Arc("source", names[0]), new Arc(names[0], "p<&>\""), new Arc("p<&>\"", names[2]), new Arc(names[2], "sink"),
             new Arc("p<&>\"", "τ & <silent>")],
            new Dictionary<string, int> { ["source"] = 1 },
            new Dictionary<string, int> { ["sink"] = 1 });

        byte[] bytes = ToBytes(net);
        string text = Encoding.UTF8.GetString(bytes);
        var back = Pm4pyStylePnmlReader.Read(XDocument.Parse(text));

        Assert.Equal(HeuristicsNetToPetriNetTests.Describe(net), HeuristicsNetToPetriNetTests.Describe(back));
        Assert.Contains("&lt;a &amp; \"b\"&gt;", text, StringComparison.Ordinal);
        Assert.Contains("naïve 日本 😀", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_xml_cannot_carry_are_rejected()
    {
        var net = new PetriNet([new Place("p")], [new Transition("t\u0001", "t\u0001")], [new Arc("p", "t\u0001")],
            new Dictionary<string, int>(), new Dictionary<string, int>());

        Assert.Throws<ArgumentException>(() => ToBytes(net));
    }

    [Fact]
    public void Stream_output_is_utf8_without_bom_with_lf_line_ends()
    {
        byte[] bytes = ToBytes(HeuristicsNetToPetriNet.Convert(Sequence()));

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        string text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<pnml>\n  <net id=\"net1\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Output_is_byte_stable_for_equal_input()
    {
        var hn = LengthTwoLoop();
        var reordered = hn with { Nodes = [.. hn.Nodes.Reverse()], Arcs = [.. hn.Arcs.Reverse()] };

        byte[] first = ToBytes(HeuristicsNetToPetriNet.Convert(hn));
        byte[] second = ToBytes(HeuristicsNetToPetriNet.Convert(hn));
        byte[] third = ToBytes(HeuristicsNetToPetriNet.Convert(reordered));

        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public void Page_and_arc_ids_do_not_clash_with_node_ids()
    {
        var net = new PetriNet(
            [new Place("n0"), new Place("arc1")],
            [new Transition("arc0", "arc0")],
            [new Arc("n0", "arc0"), new Arc("arc0", "arc1")],
            new Dictionary<string, int> { ["n0"] = 1 },
            new Dictionary<string, int> { ["arc1"] = 1 });

        var page = XDocument.Parse(Encoding.UTF8.GetString(ToBytes(net))).Root!.Element("net")!.Element("page")!;

        var ids = page.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>().Append(page.Attribute("id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("_n0", page.Attribute("id")!.Value);
    }

    [Fact]
    public void Text_writer_overload_writes_the_same_document()
    {
        var net = HeuristicsNetToPetriNet.Convert(AndSplit());
        using var writer = new StringWriter();

        PnmlWriter.Write(net, writer);

        Assert.Equal(
            XDocument.Parse(Encoding.UTF8.GetString(ToBytes(net))).ToString(),
            XDocument.Parse(writer.ToString()).ToString());
    }

    private static byte[] ToBytes(PetriNet net)
    {
        using var stream = new MemoryStream();
        PnmlWriter.Write(net, stream);
        return stream.ToArray();
    }
}
