using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// ApiVersions v0-v2 (v3 is the first flexible version). The response lists every API with the version range
/// served here; all maxima are below each API's first flexible version.
/// </summary>
internal sealed class ApiVersionsHandler : IApiHandler
{
    public ApiKey Key => ApiKey.ApiVersions;

    public short MinVersion => 0;

    public short MaxVersion => 2;

    public ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken)
    {
        var handlers = context.Broker.Handlers.Values.OrderBy(h => h.Key).ToList();
        writer.WriteError(ErrorCode.None);
        writer.WriteArrayLength(handlers.Count);
        foreach (var handler in handlers)
        {
            writer.WriteInt16((short)handler.Key);
            writer.WriteInt16(handler.MinVersion);
            writer.WriteInt16(handler.MaxVersion);
        }

        if (context.Version >= 1)
        {
            writer.WriteInt32(0);
        }

        return ValueTask.FromResult(true);
    }

    /// <summary>
    /// What Kafka answers to an ApiVersions request of a version it does not know (KIP-511): a v0 body with
    /// UNSUPPORTED_VERSION and only the ApiVersions range, so the client can retry with a version we serve.
    /// </summary>
    public static void WriteUnsupportedVersion(KafkaWriter writer)
    {
        writer.WriteError(ErrorCode.UnsupportedVersion);
        writer.WriteArrayLength(1);
        writer.WriteInt16((short)ApiKey.ApiVersions);
        writer.WriteInt16(0);
        writer.WriteInt16(2);
    }
}
