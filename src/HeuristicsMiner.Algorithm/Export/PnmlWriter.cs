using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using HeuristicsMiner.Algorithm.PetriNets;

namespace HeuristicsMiner.Algorithm.Export;

/// <summary>
/// Writes a <see cref="PetriNet"/> as PNML (place/transition core model) in the dialect pm4py's exporter writes and
/// its importer (<c>pm4py/objects/petri_net/importer/variants/pnml.py</c>) and ProM read:
/// <c>&lt;pnml&gt;&lt;net id type&gt;&lt;name/&gt;&lt;page id&gt;</c> with places (<c>name/text</c>,
/// <c>initialMarking/text</c> when marked), transitions (<c>name/text</c>; a silent one carries
/// <c>&lt;toolspecific tool="ProM" version="6.4" activity="$invisible$" localNodeID="…"/&gt;</c>, which is how both
/// tools recognise invisible transitions, and its name text is its id as in pm4py) and arcs (<c>id source target</c>),
/// followed by <c>&lt;finalmarkings&gt;&lt;marking&gt;&lt;place idref&gt;&lt;text&gt;</c> after the page when the
/// final marking is not empty.
/// </summary>
/// <remarks>
/// Node ids are the net's ids. The page id (<c>n0</c>) and arc ids (<c>arc0</c>, <c>arc1</c>, … in arc order) get
/// leading underscores if they would clash with a node id. <c>localNodeID</c> is a UUID (version 8) derived from a
/// SHA-256 of the transition id rather than pm4py's random UUID, so the same net always gives the same bytes.
/// Output is indented with two spaces and "\n" line ends; carriage returns inside names are written as character
/// references so they survive parsing. Names with characters XML 1.0 cannot carry (most control characters, lone
/// surrogates) make <see cref="XmlWriter"/> throw <see cref="ArgumentException"/>.
/// </remarks>
public static class PnmlWriter
{
    /// <summary>The PNML type of place/transition nets.</summary>
    public const string PlaceTransitionNetType = "http://www.pnml.org/version-2009/grammar/pnmlcoremodel";

    /// <summary>Writes UTF-8 (without byte order mark) PNML to <paramref name="output"/>, which is left open.</summary>
    public static void Write(PetriNet net, Stream output, string netId = "net1")
    {
        ArgumentNullException.ThrowIfNull(output);
        using var xml = XmlWriter.Create(output, Settings(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        Write(net, xml, netId);
    }

    /// <summary>
    /// Writes PNML to <paramref name="output"/>, which is left open. The XML declaration names the writer's encoding
    /// (UTF-16 for a <see cref="StringWriter"/>); use the <see cref="Stream"/> overload for a UTF-8 file.
    /// </summary>
    public static void Write(PetriNet net, TextWriter output, string netId = "net1")
    {
        ArgumentNullException.ThrowIfNull(output);
        using var xml = XmlWriter.Create(output, Settings(output.Encoding));
        Write(net, xml, netId);
    }

    private static XmlWriterSettings Settings(Encoding encoding) => new()
    {
        Encoding = encoding,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    private static void Write(PetriNet net, XmlWriter xml, string netId)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentException.ThrowIfNullOrEmpty(netId);

        var nodeIds = new HashSet<string>(StringComparer.Ordinal);
        nodeIds.UnionWith(net.Places.Select(p => p.Id));
        nodeIds.UnionWith(net.Transitions.Select(t => t.Id));

        xml.WriteStartDocument();
        xml.WriteStartElement("pnml");
        xml.WriteStartElement("net");
        xml.WriteAttributeString("id", netId);
        xml.WriteAttributeString("type", PlaceTransitionNetType);
        WriteName(xml, netId);
        xml.WriteStartElement("page");
        xml.WriteAttributeString("id", Unique("n0", nodeIds));

        foreach (var place in net.Places)
        {
            xml.WriteStartElement("place");
            xml.WriteAttributeString("id", place.Id);
            WriteName(xml, place.Id);
            if (net.InitialMarking.TryGetValue(place.Id, out int tokens))
            {
                xml.WriteStartElement("initialMarking");
                xml.WriteElementString("text", tokens.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        foreach (var transition in net.Transitions)
        {
            xml.WriteStartElement("transition");
            xml.WriteAttributeString("id", transition.Id);
            WriteName(xml, transition.Label ?? transition.Id);
            if (transition.IsSilent)
            {
                xml.WriteStartElement("toolspecific");
                xml.WriteAttributeString("tool", "ProM");
                xml.WriteAttributeString("version", "6.4");
                xml.WriteAttributeString("activity", "$invisible$");
                xml.WriteAttributeString("localNodeID", StableUuid(transition.Id));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        for (int i = 0; i < net.Arcs.Count; i++)
        {
            var arc = net.Arcs[i];
            xml.WriteStartElement("arc");
            xml.WriteAttributeString("id", Unique("arc" + i.ToString(CultureInfo.InvariantCulture), nodeIds));
            xml.WriteAttributeString("source", arc.SourceId);
            xml.WriteAttributeString("target", arc.TargetId);
            xml.WriteEndElement();
        }
        xml.WriteEndElement(); // page

        if (net.FinalMarking.Count > 0)
        {
            xml.WriteStartElement("finalmarkings");
            xml.WriteStartElement("marking");
            foreach (var (placeId, tokens) in net.FinalMarking)
            {
                xml.WriteStartElement("place");
                xml.WriteAttributeString("idref", placeId);
                xml.WriteElementString("text", tokens.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement(); // net
        xml.WriteEndElement(); // pnml
        xml.WriteEndDocument();
    }

    private static void WriteName(XmlWriter xml, string text)
    {
        xml.WriteStartElement("name");
        xml.WriteElementString("text", text);
        xml.WriteEndElement();
    }

    private static string Unique(string candidate, HashSet<string> nodeIds)
    {
        while (nodeIds.Contains(candidate))
            candidate = "_" + candidate;
        return candidate;
    }

    /// <summary>A version-8 UUID whose bits come from SHA-256 of the UTF-8 id.</summary>
    private static string StableUuid(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
