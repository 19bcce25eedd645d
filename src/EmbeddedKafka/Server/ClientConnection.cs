using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using EmbeddedKafka.Handlers;
using EmbeddedKafka.Protocol;
using Microsoft.Extensions.Logging;

namespace EmbeddedKafka.Server;

/// <summary>
/// One client TCP connection. Frames are [int32 size][request]; requests are handled one at a time in
/// arrival order and answered in that order (as Kafka does), while later frames already wait in the pipe.
/// A malformed frame, an unknown API or an unsupported version (other than ApiVersions') closes this
/// connection only, with the reason logged.
/// </summary>
internal sealed class ClientConnection
{
    private readonly Socket _socket;
    private readonly BoundListener _listener;
    private readonly BrokerContext _broker;
    private readonly BlockedClients _blocked;
    private readonly CancellationTokenSource _cancellation;
    private readonly string _remote;

    public ClientConnection(Socket socket, BoundListener listener, BrokerContext broker, BlockedClients blocked, CancellationToken stopping)
    {
        _socket = socket;
        _listener = listener;
        _broker = broker;
        _blocked = blocked;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _remote = socket.RemoteEndPoint?.ToString() ?? "?";
        ClientHost = (socket.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "";
    }

    public string? ClientId { get; private set; }

    public string ClientHost { get; }

    public void Abort()
    {
        try
        {
            _cancellation.Cancel();
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public async Task RunAsync()
    {
        var token = _cancellation.Token;
        _broker.Metrics.ConnectionOpened();
        using var stream = new NetworkStream(_socket, ownsSocket: true);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 65536, minimumReadSize: 16384));
        using var writer = new KafkaWriter(65536);
        try
        {
            while (!token.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                bool keepOpen = true;
                while (keepOpen && TryTakeFrame(ref buffer, out byte[] frame, out int length))
                {
                    try
                    {
                        keepOpen = await ProcessAsync(frame.AsMemory(0, length), writer, stream, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(frame);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (!keepOpen || result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (KafkaProtocolException e)
        {
            _broker.Logger.LogWarning(
                "Closing connection from {Remote} (client {ClientId}) on {Listener}: malformed request: {Reason}",
                _remote, ClientId, _listener.Name, e.Message);
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            _broker.Metrics.ConnectionClosed();
            _cancellation.Dispose();
        }
    }

    private bool TryTakeFrame(ref ReadOnlySequence<byte> buffer, out byte[] frame, out int length)
    {
        frame = [];
        length = 0;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> sizeBytes = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(sizeBytes);
        int size = BinaryPrimitives.ReadInt32BigEndian(sizeBytes);
        if (size < 8 || size > _broker.Options.SocketRequestMaxBytes)
        {
            throw new KafkaProtocolException(
                $"frame size {size} outside [8, {_broker.Options.SocketRequestMaxBytes}] (socket.request.max.bytes)");
        }

        if (buffer.Length < 4L + size)
        {
            return false;
        }

        frame = ArrayPool<byte>.Shared.Rent(size);
        buffer.Slice(4, size).CopyTo(frame);
        buffer = buffer.Slice(4 + size);
        length = size;
        return true;
    }

    /// <summary>Handles one request; false closes the connection.</summary>
    private async Task<bool> ProcessAsync(ReadOnlyMemory<byte> frame, KafkaWriter writer, NetworkStream stream, CancellationToken token)
    {
        var reader = new KafkaReader(frame);
        var header = RequestHeader.Read(reader);
        ClientId ??= header.ClientId;
        if (_blocked.IsBlocked(header.ClientId))
        {
            _broker.Logger.LogInformation("Dropping connection of blocked client {ClientId}", header.ClientId);
            return false;
        }

        writer.Reset();
        int sizePosition = writer.ReserveInt32();
        writer.WriteInt32(header.CorrelationId);
        if (!_broker.Handlers.TryGetValue(header.ApiKey, out var handler))
        {
            throw new KafkaProtocolException($"unsupported API key {(short)header.ApiKey}");
        }

        _broker.Metrics.RecordRequest(header.ApiKey.ToString());
        bool respond;
        if (header.ApiVersion < handler.MinVersion || header.ApiVersion > handler.MaxVersion)
        {
            if (header.ApiKey != ApiKey.ApiVersions)
            {
                throw new KafkaProtocolException(
                    $"{header.ApiKey} version {header.ApiVersion} not in [{handler.MinVersion}, {handler.MaxVersion}]");
            }

            // KIP-511: answer with a v0 body, UNSUPPORTED_VERSION and our ApiVersions range, so the client retries lower.
            ApiVersionsHandler.WriteUnsupportedVersion(writer);
            respond = true;
        }
        else
        {
            var context = new RequestContext(header, _listener, ClientHost, _broker);
            respond = await handler.HandleAsync(context, reader, writer, token).ConfigureAwait(false);
        }

        if (respond)
        {
            writer.PatchInt32(sizePosition, writer.Length - 4);
            await stream.WriteAsync(writer.WrittenMemory, token).ConfigureAwait(false);
        }

        return true;
    }
}
