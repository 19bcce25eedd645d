using EmbeddedKafka.Storage;
using EmbeddedKafka.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbeddedKafka.Tests.Storage;

public sealed class CommittedOffsetStoreTests
{
    private static KeyValuePair<TopicPartition, CommittedOffset?> Entry(string topic, int partition, long offset) =>
        new(new TopicPartition(topic, partition), new CommittedOffset(offset, -1, "m", 1));

    [Fact]
    public void Commits_survive_reopen_and_a_torn_last_record_is_dropped()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "offsets.log");
        using (var store = new CommittedOffsetStore(path, flush: false, NullLogger.Instance))
        {
            store.Commit("g", [Entry("a", 0, 10), Entry("a", 1, 20)]);
            store.Commit("g", [Entry("a", 0, 15)]);
            store.Commit("h", [Entry("b", 0, 5)]);
        }

        long complete = new FileInfo(path).Length;
        using (var store = new CommittedOffsetStore(path, flush: false, NullLogger.Instance))
        {
            store.Commit("g", [Entry("a", 1, 99)]);
        }

        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(complete + 10); // the last commit's write was cut short
        }

        using var reopened = new CommittedOffsetStore(path, flush: false, NullLogger.Instance);
        Assert.Equal(15, reopened.Get("g", new TopicPartition("a", 0))!.Offset);
        Assert.Equal(20, reopened.Get("g", new TopicPartition("a", 1))!.Offset);
        Assert.Equal(5, reopened.Get("h", new TopicPartition("b", 0))!.Offset);
        Assert.Equal(complete, new FileInfo(path).Length);
    }

    [Fact]
    public void Removing_a_topic_forgets_its_offsets_durably()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "offsets.log");
        using (var store = new CommittedOffsetStore(path, flush: false, NullLogger.Instance))
        {
            store.Commit("g", [Entry("a", 0, 10), Entry("b", 0, 20)]);
            store.RemoveTopic("a");
        }

        using var reopened = new CommittedOffsetStore(path, flush: false, NullLogger.Instance);
        Assert.Null(reopened.Get("g", new TopicPartition("a", 0)));
        Assert.Equal(20, reopened.Get("g", new TopicPartition("b", 0))!.Offset);
    }
}
