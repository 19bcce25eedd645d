namespace EmbeddedKafka.Storage;

/// <summary>An offset committed by a consumer group for one partition.</summary>
public sealed record CommittedOffset(long Offset, int LeaderEpoch, string? Metadata, long CommitTimestamp);
