using System.Collections.Concurrent;
using EmbeddedKafka.Protocol;
using Microsoft.Extensions.Logging;

namespace EmbeddedKafka.Storage;

/// <summary>
/// All topics of the broker. Layout under the data directory: <c>meta/topics/{topic}.json</c> (the topic's
/// configuration, written before its partitions exist) and one directory <c>{topic}-{partition}</c> per
/// partition holding its segments. A topic is deleted by removing its configuration file first, then its
/// partition directories; leftovers of an interrupted deletion are ignored, and removed when a topic of the
/// same name is created again. A non-empty directory without <c>meta/</c> is refused, so a mistyped
/// --data-dir never has its contents touched.
/// </summary>
public sealed class TopicStore : IDisposable
{
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly object _createLock = new();
    private readonly string _dataDirectory;
    private readonly string _metaDirectory;
    private readonly ILogger _logger;

    public TopicStore(string dataDirectory, ILogger logger)
    {
        _dataDirectory = dataDirectory;
        _metaDirectory = Path.Combine(dataDirectory, "meta", "topics");
        _logger = logger;
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any() &&
            !Directory.Exists(Path.Combine(dataDirectory, "meta")))
        {
            throw new InvalidOperationException(
                $"{dataDirectory} is not empty and has no meta/ directory: not a broker data directory, refusing to use it");
        }

        Directory.CreateDirectory(_metaDirectory);
        Load();
    }

    /// <summary>Raised after a topic was created or deleted.</summary>
    public event Action<string>? TopicsChanged;

    public IEnumerable<Topic> Topics => _topics.Values;

    public int Count => _topics.Count;

    private void Load()
    {
        foreach (string file in Directory.EnumerateFiles(_metaDirectory, "*.json"))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            var config = TopicNames.IsValid(name) ? TopicConfigFile.Read(file) : null;
            if (config is null || config.Partitions < 1)
            {
                _logger.LogWarning("Ignoring unreadable topic configuration {File}", file);
                continue;
            }

            _topics[name] = OpenTopic(name, config);
        }

        foreach (string directory in Directory.EnumerateDirectories(_dataDirectory))
        {
            string leaf = Path.GetFileName(directory);
            int dash = leaf.LastIndexOf('-');
            if (leaf == "meta" || dash <= 0)
            {
                continue;
            }

            string topic = leaf[..dash];
            bool known = _topics.TryGetValue(topic, out var t) &&
                int.TryParse(leaf.AsSpan(dash + 1), out int p) && p < t.Partitions.Count;
            if (!known)
            {
                // Left over from a deletion that was interrupted; removed if a topic of that name is created again.
                _logger.LogWarning("Ignoring {Directory}: it belongs to no configured topic", directory);
            }
        }
    }

    private Topic OpenTopic(string name, TopicConfig config)
    {
        var partitions = new PartitionLog[config.Partitions];
        for (int i = 0; i < partitions.Length; i++)
        {
            partitions[i] = PartitionLog.Open(_dataDirectory, name, i, config, _logger);
        }

        return new Topic(name, config, partitions);
    }

    public bool TryGet(string name, out Topic topic) => _topics.TryGetValue(name, out topic!);

    public Topic? Get(string name) => _topics.GetValueOrDefault(name);

    /// <summary>Creates a topic; TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION or INVALID_PARTITIONS otherwise.</summary>
    public ErrorCode Create(string name, TopicConfig config, bool validateOnly = false)
    {
        if (!TopicNames.IsValid(name))
        {
            return ErrorCode.InvalidTopicException;
        }

        if (config.Partitions < 1)
        {
            return ErrorCode.InvalidPartitions;
        }

        lock (_createLock)
        {
            if (_topics.ContainsKey(name))
            {
                return ErrorCode.TopicAlreadyExists;
            }

            if (validateOnly)
            {
                return ErrorCode.None;
            }

            RemoveLeftoverPartitions(name);
            TopicConfigFile.Write(Path.Combine(_metaDirectory, name + ".json"), config);
            _topics[name] = OpenTopic(name, config);
        }

        _logger.LogInformation("Created topic {Topic} with {Partitions} partitions", name, config.Partitions);
        TopicsChanged?.Invoke(name);
        return ErrorCode.None;
    }

    /// <summary>Partition directories of an earlier topic of the same name whose deletion was interrupted.</summary>
    private void RemoveLeftoverPartitions(string name)
    {
        foreach (string directory in Directory.EnumerateDirectories(_dataDirectory, name + "-*"))
        {
            string suffix = Path.GetFileName(directory)[(name.Length + 1)..];
            if (suffix.Length > 0 && suffix.All(char.IsAsciiDigit))
            {
                _logger.LogWarning("Removing {Directory} left over from an earlier topic {Topic}", directory, name);
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>Gets a topic, creating it with <paramref name="defaults"/> when it does not exist.</summary>
    public Topic? GetOrCreate(string name, TopicConfig defaults)
    {
        if (_topics.TryGetValue(name, out var topic))
        {
            return topic;
        }

        var error = Create(name, defaults);
        return error is ErrorCode.None or ErrorCode.TopicAlreadyExists ? Get(name) : null;
    }

    public ErrorCode Delete(string name)
    {
        Topic? topic;
        lock (_createLock)
        {
            if (!_topics.TryRemove(name, out topic))
            {
                return ErrorCode.UnknownTopicOrPartition;
            }

            File.Delete(Path.Combine(_metaDirectory, name + ".json"));
        }

        foreach (var partition in topic.Partitions)
        {
            partition.Delete();
        }

        _logger.LogInformation("Deleted topic {Topic}", name);
        TopicsChanged?.Invoke(name);
        return ErrorCode.None;
    }

    public int ApplyRetention(long nowMs)
    {
        int deleted = 0;
        foreach (var topic in _topics.Values)
        {
            foreach (var partition in topic.Partitions)
            {
                deleted += partition.ApplyRetention(nowMs);
            }
        }

        return deleted;
    }

    public long MaxProducerId =>
        _topics.Values.SelectMany(t => t.Partitions).Select(p => p.MaxProducerId).DefaultIfEmpty(-1).Max();

    public void Flush()
    {
        foreach (var partition in _topics.Values.SelectMany(t => t.Partitions))
        {
            partition.Flush();
        }
    }

    public void Dispose()
    {
        foreach (var partition in _topics.Values.SelectMany(t => t.Partitions))
        {
            partition.Dispose();
        }
    }
}
