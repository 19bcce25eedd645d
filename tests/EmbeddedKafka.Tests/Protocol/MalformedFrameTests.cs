using System.Buffers.Binary;
using Confluent.Kafka;
using EmbeddedKafka.Protocol;
using ErrorCode = EmbeddedKafka.Protocol.ErrorCode;
using EmbeddedKafka.Tests.Support;

namespace EmbeddedKafka.Tests.Protocol;

public sealed class MalformedFrameTests
{
    private static byte[] Frame(params byte[] body)
    {
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, body.Length);
        body.CopyTo(frame, 4);
        return frame;
    }

    private static byte[] Header(ApiKey key, short version) =>
        [(byte)((short)key >> 8), (byte)key, (byte)(version >> 8), (byte)version, 0, 0, 0, 1, 0xFF, 0xFF];

    public static TheoryData<string, byte[]> BadFrames() => new()
    {
        { "negative size", [0xFF, 0xFF, 0xFF, 0xF0, 1, 2, 3] },
        { "size above socket.request.max.bytes", [0x7F, 0xFF, 0xFF, 0xFF] },
        { "size too small for a header", Frame(0, 18) },
        { "unknown api key", Frame([.. Header((ApiKey)999, 0)]) },
        { "unsupported produce version", Frame([.. Header(ApiKey.Produce, 0), 0xFF, 0xFF, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]) },
        { "metadata body cut short", Frame([.. Header(ApiKey.Metadata, 1), 0, 0, 0, 3, 0, 1]) },
        { "array count larger than the frame", Frame([.. Header(ApiKey.Metadata, 1), 0x7F, 0, 0, 0]) },
        { "string length past the end", Frame([.. Header(ApiKey.Metadata, 1), 0, 0, 0, 1, 0x7F, 0xFF]) },
        { "client id length past the end", Frame(0, 18, 0, 0, 0, 0, 0, 1, 0x40, 0) },
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task Bad_frame_closes_only_its_own_connection(string what, byte[] frame)
    {
        await using var broker = BrokerFixture.Start();
        using var bystander = RawKafkaClient.Connect(broker);
        Assert.Equal((short)ErrorCode.None, bystander.Request(ApiKey.ApiVersions, 2, _ => { }).ReadInt16());

        using var bad = RawKafkaClient.Connect(broker);
        bad.SendRaw(frame);
        Assert.True(bad.IsClosedByBroker(), what);

        Assert.Equal((short)ErrorCode.None, bystander.Request(ApiKey.ApiVersions, 2, _ => { }).ReadInt16());
    }

    [Fact]
    public async Task Random_and_truncated_frames_never_stop_the_broker_serving_real_clients()
    {
        await using var broker = BrokerFixture.Start();
        var random = new Random(20261124);
        var keys = Enum.GetValues<ApiKey>();
        for (int i = 0; i < 300; i++)
        {
            using var client = RawKafkaClient.Connect(broker);
            var key = keys[random.Next(keys.Length)];
            var body = new byte[random.Next(0, 200)];
            random.NextBytes(body);
            byte[] frame = Frame([.. Header(key, (short)random.Next(0, 6)), .. body]);
            if (i % 3 == 0)
            {
                // Truncated: announce the full size but send only part of it, then hang up.
                client.SendRaw(frame.AsSpan(0, random.Next(1, frame.Length)));
                continue;
            }

            client.SendRaw(frame);
            // A random body may happen to be valid: read whatever comes back until the broker answers or closes.
            client.ReadFrame();
        }

        var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All };
        using var producer = new ProducerBuilder<Null, string>(config).Build();
        var delivered = await producer.ProduceAsync("after-fuzz", new Message<Null, string> { Value = "still alive" }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        Assert.Equal(0, delivered.Offset.Value);
    }
}
