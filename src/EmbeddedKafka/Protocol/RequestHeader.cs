namespace EmbeddedKafka.Protocol;

/// <summary>Request header v1 (api key, version, correlation id, client id); v2 adds tagged fields we never need.</summary>
public readonly record struct RequestHeader(ApiKey ApiKey, short ApiVersion, int CorrelationId, string? ClientId)
{
    /// <summary>Reads the header; the reader is left at the start of the request body.</summary>
    public static RequestHeader Read(KafkaReader reader)
    {
        var apiKey = (ApiKey)reader.ReadInt16();
        short version = reader.ReadInt16();
        int correlationId = reader.ReadInt32();
        string? clientId = reader.ReadNullableString();
        return new RequestHeader(apiKey, version, correlationId, clientId);
    }
}
