using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace HeuristicsBench.KafkaStreams.Tests.Support;

/// <summary>Test message bodies: value i as decimal text, key "case-(i mod keys)".</summary>
public static class Codec
{
    public static Message<byte[]?, byte[]?> Message(int i, int keys) => new()
    {
        Key = Encoding.UTF8.GetBytes("case-" + (i % keys).ToString(CultureInfo.InvariantCulture)),
        Value = Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture)),
    };

    public static int Value(KafkaRecord record) =>
        int.Parse(Encoding.UTF8.GetString(record.Value ?? []), CultureInfo.InvariantCulture);
}
