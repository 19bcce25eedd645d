using Confluent.Kafka;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Streams;
using HeuristicsBench.Workloads.Truth;

namespace LoadGenerator.Production;

/// <summary>
/// The ground truth of a simulated stream, in <c>generate</c>'s JSON: written atomically to the file and published to
/// the truth topic with the events topic's name as key, before the first event.
/// </summary>
public sealed class TruthPublisher(ModelSchedule schedule, ulong seed, string? file, string? topic, string key)
{
    public string? Topic => topic;

    /// <summary>The truth for a stream of <paramref name="totalEvents"/> events (<see cref="long.MaxValue"/>: open-ended).</summary>
    public byte[] Document(long totalEvents)
    {
        using var buffer = new MemoryStream();
        GroundTruthJson.Write(GroundTruthTimeline.For(schedule, totalEvents), totalEvents, seed, buffer);
        return buffer.ToArray();
    }

    public void WriteFile(byte[] document)
    {
        if (file is not null)
            AtomicFile.Write(file, stream => stream.Write(document));
    }

    /// <summary>
    /// Publishes and waits for the acknowledgement; false when <paramref name="stop"/> fired first (the message may
    /// still be delivered while the producer lives). A failed delivery throws <see cref="ProduceException{TKey,TValue}"/>.
    /// </summary>
    public async Task<bool> PublishAsync(IProducer<byte[]?, byte[]?> producer, byte[] document, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(producer);
        if (topic is null)
            return true;
        var message = new Message<byte[]?, byte[]?> { Key = System.Text.Encoding.UTF8.GetBytes(key), Value = document };
        try
        {
            await producer.ProduceAsync(topic, message, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }
}
