using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Server;

/// <summary>One request being handled: its header, the listener it came through and the client's address.</summary>
internal sealed record RequestContext(RequestHeader Header, BoundListener Listener, string ClientHost, BrokerContext Broker)
{
    public short Version => Header.ApiVersion;
}
