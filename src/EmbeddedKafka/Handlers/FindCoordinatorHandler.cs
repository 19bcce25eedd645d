using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// FindCoordinator v0-v2 (v3 is flexible): this broker coordinates every group, and answers with the address
/// advertised by the listener the request came through. Transaction coordinators (key type 1) are not served.
/// </summary>
internal sealed class FindCoordinatorHandler : IApiHandler
{
    public ApiKey Key => ApiKey.FindCoordinator;

    public short MinVersion => 0;

    public short MaxVersion => 2;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        short version = context.Version;
        reader.ReadString();
        sbyte keyType = version >= 1 ? reader.ReadInt8() : (sbyte)0;
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        bool supported = keyType == 0;
        writer.WriteError(supported ? ErrorCode.None : ErrorCode.InvalidRequest);
        if (version >= 1)
        {
            writer.WriteNullableString(supported ? null : "transactions are not supported by this broker");
        }

        writer.WriteInt32(supported ? context.Broker.Options.NodeId : -1);
        writer.WriteString(supported ? context.Listener.AdvertisedHost : "");
        writer.WriteInt32(supported ? context.Listener.AdvertisedPort : -1);
        return ValueTask.FromResult(true);
    }
}
