using System.Buffers;
using System.Globalization;
using System.Text.Json;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Serving;

/// <summary>Builds the body of a model-topic message.</summary>
public static class ModelMessageWriter
{
    /// <param name="publishedAt">The miner's (possibly skewed) clock when the model was built.</param>
    public static byte[] Write(
        MinedModel model, IReadOnlyDictionary<PartitionId, long> offsets, ModelPayload payload,
        string group, string instance, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(offsets);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (payload == ModelPayload.PaperPetriNet)
            {
                PaperPetriNetJsonWriter.Write(HeuristicsNetToPetriNet.Convert(model.Net), model.Net.StartActivities, model.Net.EndActivities, json);
            }
            else
            {
                ModelJsonWriter.Write(model, json, extra =>
                {
                    WriteOffsets(extra, offsets);
                    extra.WriteString("group", group);
                    extra.WriteString("instance", instance);
                    extra.WriteString("publishedAt", publishedAt);
                });
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>"offsets":{"&lt;partition&gt;":next,...}</c>; a topic other than the first gets "topic:partition" keys.</summary>
    public static void WriteOffsets(Utf8JsonWriter json, IReadOnlyDictionary<PartitionId, long> offsets)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(offsets);
        json.WriteStartObject("offsets");
        foreach (var (partition, next) in offsets)
            json.WriteNumber(OffsetKey(partition, offsets.Keys), next);
        json.WriteEndObject();
    }

    /// <summary>The offsets object alone, as UTF-8 JSON (the <c>offsets</c> header).</summary>
    public static byte[] OffsetsJson(IReadOnlyDictionary<PartitionId, long> offsets)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (partition, next) in offsets)
                json.WriteNumber(OffsetKey(partition, offsets.Keys), next);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string OffsetKey(PartitionId partition, IEnumerable<PartitionId> all) =>
        all.All(p => p.Topic == partition.Topic)
            ? partition.Partition.ToString(CultureInfo.InvariantCulture)
            : partition.ToString();
}
