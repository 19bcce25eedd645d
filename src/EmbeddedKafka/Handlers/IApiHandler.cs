using EmbeddedKafka.Protocol;
using EmbeddedKafka.Server;

namespace EmbeddedKafka.Handlers;

/// <summary>Serves one API over a range of non-flexible versions.</summary>
internal interface IApiHandler
{
    ApiKey Key { get; }

    short MinVersion { get; }

    short MaxVersion { get; }

    /// <summary>
    /// Reads the request body and writes the response body after the response header already in
    /// <paramref name="writer"/>. Returns false when no response is sent (Produce with acks=0).
    /// </summary>
    ValueTask<bool> HandleAsync(RequestContext context, KafkaReader reader, KafkaWriter writer, CancellationToken cancellationToken);
}
