using System.Text;
using Confluent.Kafka;

namespace HeuristicsBench.Services.Tests.Support;

/// <summary>Reads the model topic: the newest model of each publisher key.</summary>
public static class ModelTopic
{
    public static Dictionary<string, byte[]> Latest(BrokerContext broker, string topic)
    {
        var latest = new Dictionary<string, byte[]>();
        foreach (var r in broker.ReadAll(topic).Values.SelectMany(l => l).OrderBy(r => r.Offset.Value))
            latest[Encoding.UTF8.GetString(r.Message.Key!)] = r.Message.Value!;
        return latest;
    }

    /// <summary>True when the topic exists and a model of <paramref name="key"/> reflects exactly these next offsets.</summary>
    public static bool Reflects(BrokerContext broker, string topic, string key, IReadOnlyDictionary<int, long> offsets, out byte[]? model)
    {
        model = null;
        try
        {
            if (!Latest(broker, topic).TryGetValue(key, out var m))
                return false;
            model = m;
            var found = OfflineReference.Offsets(m);
            return found.Count == offsets.Count && offsets.All(o => found.TryGetValue(o.Key, out var v) && v == o.Value);
        }
        catch (KafkaException)
        {
            return false;
        }
    }
}
