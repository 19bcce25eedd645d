using System.Globalization;
using EmbeddedKafka.Protocol;
using EmbeddedKafka.Storage;

namespace EmbeddedKafka.Handlers;

/// <summary>
/// Applies CreateTopics configs to a <see cref="TopicConfig"/>: message.timestamp.type, retention.ms,
/// retention.bytes, segment.bytes, max.message.bytes and cleanup.policy=delete are understood; any other
/// name is ignored (a single-node broker has no use for replication settings); bad values are INVALID_CONFIG.
/// </summary>
internal static class TopicConfigParser
{
    public static (TopicConfig Config, string? Error) Apply(TopicConfig config, IEnumerable<(string Name, string? Value)> entries)
    {
        foreach (var (name, value) in entries)
        {
            if (value is null)
            {
                continue;
            }

            switch (name)
            {
                case "message.timestamp.type":
                    if (value == "CreateTime")
                    {
                        config = config with { TimestampType = TimestampType.CreateTime };
                    }
                    else if (value == "LogAppendTime")
                    {
                        config = config with { TimestampType = TimestampType.LogAppendTime };
                    }
                    else
                    {
                        return (config, $"{name}={value}: expected CreateTime or LogAppendTime");
                    }

                    break;
                case "retention.ms":
                case "retention.bytes":
                    if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) || l < -1)
                    {
                        return (config, $"{name}={value}: expected an integer >= -1");
                    }

                    config = name == "retention.ms" ? config with { RetentionMs = l } : config with { RetentionBytes = l };
                    break;
                case "segment.bytes":
                case "max.message.bytes":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i < 14)
                    {
                        return (config, $"{name}={value}: expected a positive integer");
                    }

                    config = name == "segment.bytes" ? config with { SegmentBytes = i } : config with { MaxMessageBytes = i };
                    break;
                case "cleanup.policy":
                    if (value != "delete")
                    {
                        return (config, $"{name}={value}: only delete is supported");
                    }

                    break;
                default:
                    break;
            }
        }

        return (config, null);
    }
}
