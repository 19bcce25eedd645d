namespace EmbeddedKafka.Storage;

/// <summary>A sparse index entry: the base offset of a batch and its byte position in the segment file.</summary>
internal readonly record struct OffsetIndexEntry(long Offset, long Position);
