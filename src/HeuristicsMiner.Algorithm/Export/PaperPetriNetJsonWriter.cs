using System.Text.Encodings.Web;
using System.Text.Json;
using HeuristicsMiner.Algorithm.PetriNets;

namespace HeuristicsMiner.Algorithm.Export;

/// <summary>
/// Writes a <see cref="PetriNet"/> in the JSON shape of the reference paper's serialisable Petri net:
/// <c>{"places":[…],"transitions":[…],"silent_transitions":[…],"arc_place_transition":[[p,t],…],
/// "arc_transition_place":[[t,p],…],"start_activities":[…],"end_activities":[…]}</c>.
/// </summary>
/// <remarks>
/// <para>A visible transition is named by its label (that format names visible transitions by activity) and a
/// silent one by its id; places by their id. Every list is sorted ordinally and free of duplicates; arc pairs are
/// sorted by first then second element. Strings are escaped with the relaxed encoder: text in the Basic
/// Multilingual Plane is written as is, while quotes, backslashes, control characters and characters beyond the BMP
/// (e.g. emoji) become escapes, so the output is byte-stable and readable.</para>
/// <para>The paper's loader marks places named <c>start_{activity}</c> / <c>end_{activity}</c> from the start and
/// end activities; nets from <see cref="HeuristicsNetToPetriNet"/> have a single <c>source</c> and <c>sink</c>
/// place instead, so a consumer of this JSON should take the initial and final marking from those places.</para>
/// </remarks>
public static class PaperPetriNetJsonWriter
{
    /// <summary>Writes the JSON as UTF-8 to <paramref name="output"/>, which is left open.</summary>
    /// <exception cref="ArgumentException">Two visible transitions share a label, or a silent transition's id equals
    /// a visible label, so the format could not tell them apart.</exception>
    public static void Write(
        PetriNet net, IEnumerable<string> startActivities, IEnumerable<string> endActivities, Stream output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new JsonWriterOptions
        {
            Indented = indented,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var writer = new Utf8JsonWriter(output, options);
        Write(net, startActivities, endActivities, writer);
    }

    /// <summary>Writes the JSON object with <paramref name="writer"/> and flushes it.</summary>
    /// <exception cref="ArgumentException">See <see cref="Write(PetriNet, IEnumerable{string}, IEnumerable{string}, Stream, bool)"/>.</exception>
    public static void Write(
        PetriNet net, IEnumerable<string> startActivities, IEnumerable<string> endActivities, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(startActivities);
        ArgumentNullException.ThrowIfNull(endActivities);
        ArgumentNullException.ThrowIfNull(writer);

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transition in net.Transitions)
        {
            string name = transition.Label ?? transition.Id;
            if (!taken.Add(name))
                throw new ArgumentException(
                    $"Transition name '{name}' would stand for two transitions in the paper's format.", nameof(net));
            names.Add(transition.Id, name);
        }

        var placeToTransition = new List<(string, string)>();
        var transitionToPlace = new List<(string, string)>();
        foreach (var arc in net.Arcs)
        {
            if (names.TryGetValue(arc.TargetId, out var transition))
                placeToTransition.Add((arc.SourceId, transition));
            else
                transitionToPlace.Add((names[arc.SourceId], arc.TargetId));
        }

        writer.WriteStartObject();
        WriteStrings(writer, "places", net.Places.Select(p => p.Id));
        WriteStrings(writer, "transitions", net.Transitions.Where(t => !t.IsSilent).Select(t => t.Label!));
        WriteStrings(writer, "silent_transitions", net.Transitions.Where(t => t.IsSilent).Select(t => t.Id));
        WritePairs(writer, "arc_place_transition", placeToTransition);
        WritePairs(writer, "arc_transition_place", transitionToPlace);
        WriteStrings(writer, "start_activities", startActivities);
        WriteStrings(writer, "end_activities", endActivities);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string property, IEnumerable<string> values)
    {
        writer.WriteStartArray(property);
        foreach (var value in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static void WritePairs(Utf8JsonWriter writer, string property, IEnumerable<(string First, string Second)> pairs)
    {
        writer.WriteStartArray(property);
        var sorted = pairs.Distinct()
            .OrderBy(p => p.First, StringComparer.Ordinal)
            .ThenBy(p => p.Second, StringComparer.Ordinal);
        foreach (var (first, second) in sorted)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(first);
            writer.WriteStringValue(second);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }
}
