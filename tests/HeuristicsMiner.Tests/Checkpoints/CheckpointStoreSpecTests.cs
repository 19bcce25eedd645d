using HeuristicsMiner.Checkpoints;

namespace HeuristicsMiner.Tests.Checkpoints;

public class CheckpointStoreSpecTests
{
    [Fact]
    public void Kafka_and_directory_values_parse()
    {
        Assert.Equal(new CheckpointStoreSpec(CheckpointStoreKind.Kafka, null), CheckpointStoreSpec.Parse("kafka"));
        Assert.Equal(CheckpointStoreSpec.Default, CheckpointStoreSpec.Parse("kafka"));
        Assert.Equal(new CheckpointStoreSpec(CheckpointStoreKind.Directory, "/var/x:y"), CheckpointStoreSpec.Parse("dir:/var/x:y"));
        Assert.Equal("dir:rel/path", CheckpointStoreSpec.Parse("dir:rel/path").ToString());
        Assert.Equal("kafka", CheckpointStoreSpec.Default.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kafka")]
    [InlineData("file:/tmp/x")]
    [InlineData("/tmp/x")]
    [InlineData(null)]
    public void Anything_else_is_refused_naming_what_is_accepted(string? text)
    {
        var error = Assert.Throws<FormatException>(() => CheckpointStoreSpec.Parse(text));
        Assert.Contains("--checkpoint-store", error.Message);
        Assert.Contains("'kafka'", error.Message);
        Assert.Contains("dir:PATH", error.Message);
    }

    [Theory]
    [InlineData("dir:")]
    [InlineData("dir:  ")]
    public void A_directory_without_a_path_is_refused(string text) =>
        Assert.Contains("needs a directory path", Assert.Throws<FormatException>(() => CheckpointStoreSpec.Parse(text)).Message);

    [Fact]
    public async Task Each_value_creates_its_store_for_the_group()
    {
        var root = Path.Combine(Path.GetTempPath(), "ckpt-spec-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var store = CheckpointStoreSpec.Parse("dir:" + root).Create("127.0.0.1:1", "miner"))
            {
                var directory = Assert.IsType<DirectoryCheckpointStore>(store);
                Assert.Equal(Path.Combine(root, "miner"), directory.GroupDirectory);
            }

            // Only built, never used: no broker is listening at that address.
            await using (var store = CheckpointStoreSpec.Parse("kafka").Create("127.0.0.1:1", "miner", _ => { }))
                Assert.Equal("topic miner.checkpoints", store.Description);
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }
}
