using EmbeddedKafka.Protocol;
using EmbeddedKafka.Storage;
using EmbeddedKafka.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbeddedKafka.Tests.Storage;

public sealed class TopicStoreTests
{
    [Fact]
    public void Refuses_a_non_empty_directory_that_is_not_a_data_directory_and_leaves_it_alone()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "photos-1"));
        File.WriteAllText(Path.Combine(dir.Path, "notes.txt"), "keep me");
        Assert.Throws<InvalidOperationException>(() => new TopicStore(dir.Path, NullLogger.Instance));
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "photos-1")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "meta")));
    }

    [Fact]
    public void Topics_reload_with_their_config_and_a_recreated_topic_does_not_inherit_leftover_data()
    {
        using var dir = new TempDirectory();
        using (var store = new TopicStore(dir.Path, NullLogger.Instance))
        {
            Assert.Equal(ErrorCode.None, store.Create("a-b.c_d", new TopicConfig { Partitions = 2, RetentionMs = 5 }));
            Assert.Equal(ErrorCode.TopicAlreadyExists, store.Create("a-b.c_d", new TopicConfig()));
            Assert.Equal(ErrorCode.InvalidTopicException, store.Create("bad/name", new TopicConfig()));
            Assert.Equal(ErrorCode.None, store.Create("old", new TopicConfig()));
            var batch = RecordBatchBuilder.Values(3);
            RecordBatchHeader.TryRead(batch, out var header);
            store.Get("old")!.Partitions[0].Append(batch, header, 0, false);
        }

        // Simulate a deletion interrupted after the configuration file was removed.
        File.Delete(Path.Combine(dir.Path, "meta", "topics", "old.json"));
        using var reopened = new TopicStore(dir.Path, NullLogger.Instance);
        var topic = reopened.Get("a-b.c_d")!;
        Assert.Equal((2, 5L), (topic.Partitions.Count, topic.Config.RetentionMs));
        Assert.Null(reopened.Get("old"));
        Assert.Equal(ErrorCode.None, reopened.Create("old", new TopicConfig()));
        Assert.Equal(0, reopened.Get("old")!.Partitions[0].LogEndOffset);
    }
}
