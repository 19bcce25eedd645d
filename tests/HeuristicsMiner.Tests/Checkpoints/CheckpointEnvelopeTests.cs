using CsCheck;
using HeuristicsMiner.Algorithm.Summaries;
using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Tests.Checkpoints;

public class CheckpointEnvelopeTests
{
    private static readonly PartitionId Partition = new("events-é", 7);

    private static CheckpointEnvelope Sample(int chunkLength = 40) =>
        new(Partition, 123_456_789_012, Guid.NewGuid(), 2, 5, 1000, 0xDEADBEEF_01234567UL, CheckpointStates.Bytes(chunkLength, 1));

    [Fact]
    public void Decoding_gives_back_every_field()
    {
        var envelope = Sample();
        var decoded = CheckpointEnvelope.FromBytes(envelope.ToBytes());

        Assert.Equal(envelope.Partition, decoded.Partition);
        Assert.Equal(envelope.NextOffset, decoded.NextOffset);
        Assert.Equal(envelope.CheckpointId, decoded.CheckpointId);
        Assert.Equal(envelope.ChunkIndex, decoded.ChunkIndex);
        Assert.Equal(envelope.ChunkCount, decoded.ChunkCount);
        Assert.Equal(envelope.StateLength, decoded.StateLength);
        Assert.Equal(envelope.StateChecksum, decoded.StateChecksum);
        Assert.Equal(envelope.Chunk.ToArray(), decoded.Chunk.ToArray());
    }

    [Fact]
    public void Every_single_byte_change_is_detected()
    {
        var bytes = Sample().ToBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                var damaged = (byte[])bytes.Clone();
                damaged[i] ^= mask;
                Assert.Throws<InvalidDataException>(() => CheckpointEnvelope.FromBytes(damaged));
            }
        }
    }

    [Fact]
    public void Every_truncation_and_any_trailing_byte_is_detected()
    {
        var bytes = Sample().ToBytes();
        for (int length = 0; length < bytes.Length; length++)
            Assert.Throws<InvalidDataException>(() => CheckpointEnvelope.FromBytes(bytes.AsSpan(0, length)));
        Assert.Throws<InvalidDataException>(() => CheckpointEnvelope.FromBytes([.. bytes, 0]));
    }

    [Fact]
    public void Foreign_and_future_records_are_rejected_with_a_reason()
    {
        var snapshot = SummarySnapshot.ToBytes(new LossyCountingSummary(0.1));
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => CheckpointEnvelope.FromBytes(snapshot)).Message);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => CheckpointEnvelope.FromBytes([])).Message);

        var future = Sample().ToBytes();
        future[4] = 9;
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => CheckpointEnvelope.FromBytes(future)).Message);

        var flipped = Sample().ToBytes();
        flipped[20] ^= 1;
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => CheckpointEnvelope.FromBytes(flipped)).Message);
    }

    [Fact]
    public void Split_chunks_reassemble_to_the_state_in_any_order()
    {
        Gen.Select(Gen.Int[0, 3000], Gen.Int[1, 700], Gen.Int, Gen.Int).Sample((length, chunkSize, seed, order) =>
        {
            var checkpoint = CheckpointStates.At(Partition, 42, CheckpointStates.Bytes(length, seed));
            var id = Guid.NewGuid();
            var chunks = CheckpointEnvelope.Split(checkpoint, id, chunkSize);

            Assert.Equal(Math.Max(1, (length + chunkSize - 1) / chunkSize), chunks.Count);
            Assert.All(chunks, c => Assert.True(c.Chunk.Length <= chunkSize));
            Assert.All(chunks, c => Assert.Equal(id, c.CheckpointId));

            var shuffled = chunks.Select(c => CheckpointEnvelope.FromBytes(c.ToBytes())).ToArray();
            new Random(order).Shuffle(shuffled);
            var assembler = new CheckpointAssembler(shuffled[0]);
            foreach (var chunk in shuffled.Skip(1))
            {
                Assert.False(assembler.IsComplete);
                assembler.Add(chunk);
            }

            var assembled = assembler.Assemble();
            Assert.Equal(checkpoint.Partition, assembled.Partition);
            Assert.Equal(checkpoint.NextOffset, assembled.NextOffset);
            Assert.Equal(checkpoint.State, assembled.State);
        }, iter: 300);
    }

    [Fact]
    public void Assembler_rejects_disagreeing_chunks_and_a_state_that_fails_its_checksum()
    {
        var state = CheckpointStates.Bytes(300, 3);
        var chunks = CheckpointEnvelope.Split(CheckpointStates.At(Partition, 10, state), Guid.NewGuid(), 100);

        var assembler = new CheckpointAssembler(chunks[0]);
        assembler.Add(chunks[0]); // an identical repeat is harmless
        Assert.Equal(1, assembler.ChunksReceived);
        Assert.Throws<InvalidOperationException>(() => assembler.Assemble());

        var otherOffset = new CheckpointEnvelope(Partition, 11, chunks[1].CheckpointId, 1, 3, 300, chunks[1].StateChecksum, chunks[1].Chunk);
        Assert.Contains("disagrees", Assert.Throws<InvalidDataException>(() => assembler.Add(otherOffset)).Message);
        var otherBytes = new CheckpointEnvelope(Partition, 10, chunks[0].CheckpointId, 0, 3, 300, chunks[0].StateChecksum, new byte[100]);
        Assert.Contains("two different", Assert.Throws<InvalidDataException>(() => assembler.Add(otherBytes)).Message);

        // Well-formed chunks whose bytes are not the state's: only the state checksum can tell.
        var wrong = new CheckpointEnvelope(Partition, 10, chunks[1].CheckpointId, 1, 3, 300, chunks[1].StateChecksum, new byte[100]);
        assembler.Add(wrong);
        assembler.Add(chunks[2]);
        Assert.True(assembler.IsComplete);
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => assembler.Assemble()).Message);
    }
}
