using System.Globalization;
using System.Xml.Linq;
using HeuristicsMiner.Algorithm.PetriNets;

namespace HeuristicsMiner.Tests.Export;

/// <summary>
/// Reads PNML back the way pm4py's importer (objects/petri_net/importer/variants/pnml.py) does: the net is the last
/// child of the root, the page is the net child whose tag contains "page" (else the net itself), a place's initial
/// marking is the integer in initialMarking/text, a transition is silent when it has a toolspecific whose tool contains
/// "ProM" and whose activity attribute contains "invisible" (pm4py fails when that attribute is missing), its label
/// is otherwise its name/text, and the final marking is read from finalmarkings/marking/place[@idref]/text.
/// </summary>
internal static class Pm4pyStylePnmlReader
{
    public static PetriNet Read(XDocument document)
    {
        var root = document.Root ?? throw new InvalidOperationException("no root");
        var net = root.Elements().Last();
        var page = net.Elements().LastOrDefault(e => e.Name.LocalName.Contains("page", StringComparison.Ordinal)) ?? net;

        var places = new List<Place>();
        var initial = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var place in page.Elements("place"))
        {
            string id = Attribute(place, "id");
            places.Add(new Place(id));
            var marking = place.Element("initialMarking")?.Element("text");
            if (marking is not null && int.Parse(marking.Value, CultureInfo.InvariantCulture) > 0)
                initial[id] = int.Parse(marking.Value, CultureInfo.InvariantCulture);
        }

        var transitions = new List<Transition>();
        foreach (var transition in page.Elements("transition"))
        {
            string id = Attribute(transition, "id");
            string name = transition.Element("name")?.Element("text")?.Value ?? id;
            bool visible = true;
            foreach (var tool in transition.Elements("toolspecific"))
            {
                if (Attribute(tool, "tool").Contains("ProM", StringComparison.Ordinal))
                {
                    string activity = tool.Attribute("activity")?.Value
                        ?? throw new InvalidOperationException("pm4py needs an activity attribute on a ProM toolspecific");
                    if (activity.Contains("invisible", StringComparison.Ordinal))
                        visible = false;
                }
            }
            transitions.Add(new Transition(id, visible ? name : null));
        }

        var arcs = page.Elements("arc").Select(a => new Arc(Attribute(a, "source"), Attribute(a, "target"))).ToList();

        var final = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var marking in net.Elements("finalmarkings").Elements())
        {
            foreach (var place in marking.Elements())
                final[Attribute(place, "idref")] = int.Parse(place.Element("text")!.Value, CultureInfo.InvariantCulture);
        }

        return new PetriNet(places, transitions, arcs, initial, final);
    }

    private static string Attribute(XElement element, string name) =>
        element.Attribute(name)?.Value ?? throw new InvalidOperationException($"<{element.Name}> lacks {name}");
}
