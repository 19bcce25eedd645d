using System.Text.Json;

namespace EmbeddedKafka.Storage;

/// <summary>Reads and atomically writes <c>meta/topics/{topic}.json</c> (temporary file, flush, rename).</summary>
internal static class TopicConfigFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(string path, TopicConfig config)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, config, Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static TopicConfig? Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<TopicConfig>(stream, Options);
    }
}
