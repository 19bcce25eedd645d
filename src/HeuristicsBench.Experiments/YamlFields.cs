using YamlDotNet.RepresentationModel;

namespace HeuristicsBench.Experiments;

/// <summary>The checked entries of one YAML mapping at a field path, with required/optional typed reads.</summary>
internal sealed class YamlFields(YamlNodeReader reader, YamlNode node, string path, Dictionary<string, (YamlNode Key, YamlNode Value)> entries)
{
    public YamlNode Node => node;

    public string Path => path;

    public string PathOf(string key) => YamlNodeReader.Join(path, key);

    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>The value node of a present, non-null key; otherwise null.</summary>
    public YamlNode? Optional(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
            return null;
        if (YamlNodeReader.IsNull(entry.Value))
            throw reader.Error(entry.Key, PathOf(key), "has no value");
        return entry.Value;
    }

    public YamlNode Required(string key) =>
        Optional(key) ?? throw reader.Error(node, PathOf(key), $"missing required field '{key}'");

    /// <summary>The key node, for errors about a field as a whole.</summary>
    public YamlNode KeyNode(string key) => entries[key].Key;
}
