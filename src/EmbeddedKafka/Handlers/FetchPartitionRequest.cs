namespace EmbeddedKafka.Handlers;

/// <summary>One partition of a Fetch request.</summary>
internal readonly record struct FetchPartitionRequest(string Topic, int Partition, long FetchOffset, int MaxBytes);
