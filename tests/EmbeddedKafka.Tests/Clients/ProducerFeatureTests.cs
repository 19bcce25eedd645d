using Confluent.Kafka;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Clients;

public sealed class ProducerFeatureTests
{
    [Fact]
    public async Task Idempotent_producer_gets_a_producer_id_and_writes_every_message_once_in_order()
    {
        await using var broker = BrokerFixture.Start(o => o with { DefaultPartitions = 2 });
        var config = new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            EnableIdempotence = true,
            LingerMs = 2,
            BatchNumMessages = 100,
        };
        using (var producer = new ProducerBuilder<string, string>(config).Build())
        {
            for (int i = 0; i < 20_000; i++)
            {
                producer.Produce("idem", new Message<string, string> { Key = (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture), Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
            var last = await producer.ProduceAsync("idem", new Message<string, string> { Key = "0", Value = "end" }, TestContext.Current.CancellationToken);
            Assert.Equal(PersistenceStatus.Persisted, last.Status);
        }

        Assert.Contains(broker.Topics.Get("idem")!.Partitions, p => p.MaxProducerId >= 0); // batches carry the producer id
        var values = ClientHelpers.ReadAll<string, string>(broker.BootstrapServers, "idem", 2)
            .GroupBy(r => r.Message.Key)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Message.Value).Where(v => v != "end").Select(int.Parse).ToList());
        Assert.Equal(20_000, values.Values.Sum(v => v.Count));
        Assert.All(values.Values, v => Assert.Equal(v.Order(), v));
        Assert.Equal(10_000, values["0"].Distinct().Count());
    }

    [Fact]
    public async Task Oversized_batch_is_rejected_with_message_too_large_while_other_traffic_flows()
    {
        await using var broker = BrokerFixture.Start();
        var bigConfig = new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            Acks = Acks.All,
            MessageMaxBytes = 4_000_000, // let the client send it, so the broker has to refuse it
            MessageSendMaxRetries = 0,
        };
        var smallConfig = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All, LingerMs = 1 };
        using var big = new ProducerBuilder<Null, byte[]>(bigConfig).Build();
        using var small = new ProducerBuilder<Null, string>(smallConfig).Build();
        int smallFailures = 0;
        for (int i = 0; i < 2000; i++)
        {
            small.Produce("shared", new Message<Null, string> { Value = $"s{i}" }, r =>
            {
                if (r.Error.IsError)
                {
                    Interlocked.Increment(ref smallFailures);
                }
            });
        }

        var error = await Assert.ThrowsAsync<ProduceException<Null, byte[]>>(() =>
            big.ProduceAsync("shared", new Message<Null, byte[]> { Value = new byte[1_500_000] }, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCode.MsgSizeTooLarge, error.Error.Code);
        Assert.False(error.Error.IsLocalError);

        var fits = await big.ProduceAsync("shared", new Message<Null, byte[]> { Value = new byte[900_000] }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, fits.Status);
        Assert.Equal(0, small.Flush(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, smallFailures);
        Assert.Equal(2001, broker.Topics.Get("shared")!.Partitions[0].LogEndOffset);
        Assert.Contains("kafka_server_rejected_batches_total{topic=\"shared\",error=\"MessageTooLarge\"} 1", await broker.Metrics.ScrapeAsync(TestContext.Current.CancellationToken));
    }
}
