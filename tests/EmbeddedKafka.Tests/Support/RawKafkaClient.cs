using System.Buffers.Binary;
using System.Net.Sockets;
using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Tests.Support;

/// <summary>A bare TCP client that sends hand-built frames and reads size-delimited responses.</summary>
public sealed class RawKafkaClient : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private int _correlationId;

    public RawKafkaClient(System.Net.IPEndPoint endPoint)
    {
        _client = new TcpClient();
        _client.Connect(endPoint);
        _stream = _client.GetStream();
    }

    public static RawKafkaClient Connect(EmbeddedKafka.Server.KafkaBroker broker, int listener = 0) =>
        new(broker.Listeners[listener].LocalEndPoint);

    /// <summary>Sends a request with header v1 and returns the response body after the correlation id.</summary>
    public KafkaReader Request(ApiKey apiKey, short version, Action<KafkaWriter> body)
    {
        int correlationId = ++_correlationId;
        using var writer = new KafkaWriter();
        int size = writer.ReserveInt32();
        writer.WriteInt16((short)apiKey);
        writer.WriteInt16(version);
        writer.WriteInt32(correlationId);
        writer.WriteNullableString("raw-test");
        body(writer);
        writer.PatchInt32(size, writer.Length - 4);
        SendRaw(writer.WrittenSpan);
        var response = ReadFrame() ?? throw new IOException("connection closed before the response");
        var reader = new KafkaReader(response);
        Assert.Equal(correlationId, reader.ReadInt32());
        return reader;
    }

    public void SendRaw(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    /// <summary>The next response frame, or null when the broker closed the connection.</summary>
    public byte[]? ReadFrame()
    {
        var sizeBytes = new byte[4];
        if (!ReadExactly(sizeBytes))
        {
            return null;
        }

        var frame = new byte[BinaryPrimitives.ReadInt32BigEndian(sizeBytes)];
        return ReadExactly(frame) ? frame : null;
    }

    /// <summary>True once the broker has closed the connection (reads hit end of stream or a reset).</summary>
    public bool IsClosedByBroker()
    {
        try
        {
            var buffer = new byte[1];
            return _stream.Read(buffer) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private bool ReadExactly(byte[] buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n;
            try
            {
                n = _stream.Read(buffer, read, buffer.Length - read);
            }
            catch (IOException)
            {
                return false;
            }

            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
