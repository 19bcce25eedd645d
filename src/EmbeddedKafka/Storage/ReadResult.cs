using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Storage;

/// <summary>Result of a partition read: error, bytes and records copied, and the offsets at the time of the read.</summary>
public readonly record struct ReadResult(
    ErrorCode Error, int Bytes, int Records, long HighWatermark, long LogStartOffset);
