namespace EmbeddedKafka.Groups;

/// <summary>One protocol a member supports (e.g. "range"), with its opaque subscription metadata.</summary>
public sealed record GroupProtocol(string Name, byte[] Metadata);
