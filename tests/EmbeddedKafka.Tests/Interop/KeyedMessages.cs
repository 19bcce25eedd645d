using System.Globalization;

namespace EmbeddedKafka.Tests.Interop;

/// <summary>A message as an external client reported it.</summary>
public sealed record SeenMessage(string Key, string Value, int Partition, long Offset);

/// <summary>
/// The interop tests' data set: message i has key k{i % Keys} and value v{i}. <see cref="AssertEachOnceInKeyOrder"/>
/// checks what a client read: every value exactly once, each key on one partition, values of a key in send order,
/// offsets of a partition increasing.
/// </summary>
public static class KeyedMessages
{
    public const int Keys = 16;

    public static string Key(int i) => "k" + (i % Keys).ToString(CultureInfo.InvariantCulture);

    public static string Value(int i) => "v" + i.ToString(CultureInfo.InvariantCulture);

    public static int Index(string value) => int.Parse(value.AsSpan(1), CultureInfo.InvariantCulture);

    public static void AssertEachOnceInKeyOrder(IReadOnlyList<SeenMessage> seen, int count)
    {
        Assert.Equal(Enumerable.Range(0, count), seen.Select(m => Index(m.Value)).Order());
        Assert.All(seen, m => Assert.Equal(Key(Index(m.Value)), m.Key));
        foreach (var byKey in seen.GroupBy(m => m.Key))
        {
            Assert.Single(byKey.Select(m => m.Partition).Distinct());
            Assert.Equal(byKey.Select(m => Index(m.Value)).Order(), byKey.OrderBy(m => m.Offset).Select(m => Index(m.Value)));
        }

        foreach (var byPartition in seen.GroupBy(m => m.Partition))
        {
            Assert.Equal(
                Enumerable.Range(0, byPartition.Count()).Select(o => (long)o),
                byPartition.Select(m => m.Offset).Order());
        }
    }
}
