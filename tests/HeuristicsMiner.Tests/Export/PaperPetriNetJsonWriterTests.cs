using System.Text;
using System.Text.Json;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;
using static HeuristicsMiner.Tests.Export.NetFixtures;

namespace HeuristicsMiner.Tests.Export;

public class PaperPetriNetJsonWriterTests
{
    [Fact]
    public void Sequence_gives_the_expected_json()
    {
        string json = Json(Sequence());

        Assert.Equal(
            "{\"places\":[\"pre_b\",\"pre_c\",\"sink\",\"source\"],"
            + "\"transitions\":[\"a\",\"b\",\"c\"],"
            + "\"silent_transitions\":[],"
            + "\"arc_place_transition\":[[\"pre_b\",\"b\"],[\"pre_c\",\"c\"],[\"source\",\"a\"]],"
            + "\"arc_transition_place\":[[\"a\",\"pre_b\"],[\"b\",\"pre_c\"],[\"c\",\"sink\"]],"
            + "\"start_activities\":[\"a\"],"
            + "\"end_activities\":[\"c\"]}",
            json);
    }

    [Fact]
    public void Silent_transitions_are_listed_and_referenced_by_id()
    {
        using var doc = JsonDocument.Parse(Json(StartInLoopTwoEnds()));
        var root = doc.RootElement;

        Assert.Equal(
            ["places", "transitions", "silent_transitions", "arc_place_transition", "arc_transition_place", "start_activities", "end_activities"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["hid_2", "hid_5", "hid_6"], Strings(root.GetProperty("silent_transitions")));
        Assert.Equal(["a", "b", "c"], Strings(root.GetProperty("transitions")));
        Assert.Contains(["source", "hid_2"], Pairs(root.GetProperty("arc_place_transition")));
        Assert.Contains(["hid_6", "sink"], Pairs(root.GetProperty("arc_transition_place")));
        Assert.Equal(["b", "c"], Strings(root.GetProperty("end_activities")));
        var pairs = Pairs(root.GetProperty("arc_place_transition")).Select(p => p[0] + "\u0000" + p[1]).ToList();
        Assert.Equal(pairs.Order(StringComparer.Ordinal), pairs);
    }

    [Fact]
    public void Unusual_names_round_trip_through_a_json_parser()
    {
        string[] names = ["say \"hi\"", "back\\slash", "line\nbreak", "<tag> & 'q'", "日本 😀"];
        var hn = Net(
            [.. names.Select(n => Node(n, 1))],
            [.. names.Skip(1).Select((n, i) => Arc(names[i], n))],
            [names[0]], [names[^1]]);

        string json = Json(hn);
        using var doc = JsonDocument.Parse(json);

        Assert.Equal(names.Order(StringComparer.Ordinal), Strings(doc.RootElement.GetProperty("transitions")));
        // The relaxed encoder keeps BMP text as is; characters outside the BMP are written as \u escapes.
        Assert.Contains("日本 ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Ambiguous_transition_names_are_rejected()
    {
        var net = new PetriNet(
            [new Place("p")],
            [new Transition("t1", "a"), new Transition("t2", "a")],
            [],
            new Dictionary<string, int>(),
            new Dictionary<string, int>());
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentException>(() => PaperPetriNetJsonWriter.Write(net, [], [], stream));
    }

    [Fact]
    public void Output_is_byte_stable_for_equal_input()
    {
        var hn = LengthTwoLoop();
        var reordered = hn with { Nodes = [.. hn.Nodes.Reverse()], Arcs = [.. hn.Arcs.Reverse()] };

        Assert.Equal(Json(hn), Json(reordered));
        Assert.Equal(Json(hn, indented: true), Json(hn, indented: true));
        Assert.DoesNotContain('\r', Json(hn, indented: true));
    }

    private static string Json(HeuristicsNet hn, bool indented = false)
    {
        var net = HeuristicsNetToPetriNet.Convert(hn);
        using var stream = new MemoryStream();
        PaperPetriNetJsonWriter.Write(net, hn.StartActivities, hn.EndActivities, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<string[]> Pairs(JsonElement array) =>
        [.. array.EnumerateArray().Select(p => p.EnumerateArray().Select(e => e.GetString()!).ToArray())];
}
