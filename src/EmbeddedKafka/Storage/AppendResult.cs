using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Storage;

/// <summary>Result of appending one batch: error, the batch's first offset, and the log append time (or -1).</summary>
public readonly record struct AppendResult(ErrorCode Error, long BaseOffset, long LogAppendTime, int Records);
