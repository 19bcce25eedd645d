namespace EmbeddedKafka.Storage;

/// <summary>Kafka's topic name rule: 1..249 characters of [a-zA-Z0-9._-], and not "." or "..".</summary>
public static class TopicNames
{
    public const int MaxLength = 249;

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name is "." or "..")
        {
            return false;
        }

        foreach (char c in name)
        {
            bool ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
