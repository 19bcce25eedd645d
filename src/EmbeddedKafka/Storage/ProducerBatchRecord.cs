namespace EmbeddedKafka.Storage;

/// <summary>One remembered batch of an idempotent producer: its sequence range and assigned base offset.</summary>
internal readonly record struct ProducerBatchRecord(int FirstSequence, int LastSequence, long BaseOffset);
