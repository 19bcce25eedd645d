using System.Collections.Frozen;

namespace HeuristicsBench.FaultProxy;

/// <summary>
/// One toxic as Toxiproxy describes it: a name (unique per proxy), a type, the stream it acts on, the probability a
/// connection gets it, and integer attributes (every attribute of the type is present, missing ones take their default).
/// Immutable: an update replaces the instance, so live connections pick the new one up on their next chunk.
/// </summary>
public sealed class ToxicSpec
{
    /// <summary>Implemented types and the attributes each takes (all default to 0 except loss's retransmit, 200).</summary>
    public static readonly FrozenDictionary<string, string[]> Types = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["latency"] = ["latency", "jitter"],
        ["bandwidth"] = ["rate"],
        ["slow_close"] = ["delay"],
        ["timeout"] = ["timeout"],
        ["reset_peer"] = ["timeout"],
        ["limit_data"] = ["bytes"],
        ["slicer"] = ["average_size", "size_variation", "delay"],
        ["loss"] = ["percent", "retransmit"], // ours: Toxiproxy has no loss toxic
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Linux's minimum retransmission timeout (TCP_RTO_MIN), the delay a lost chunk gets by default.</summary>
    public const long DefaultRetransmitMs = 200;

    /// <summary>Linux's maximum retransmission timeout (TCP_RTO_MAX): a longer hold is no packet loss any more.</summary>
    public const long MaxRetransmitMs = 120_000;

    public ToxicSpec(string type, ToxicDirection stream = ToxicDirection.Downstream, double toxicity = 1.0,
        IReadOnlyDictionary<string, long>? attributes = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!Types.TryGetValue(type, out var known))
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, $"invalid toxic type: {type}");
        if (double.IsNaN(toxicity) || toxicity < 0 || toxicity > 1)
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, "toxicity must be between 0 and 1");
        var all = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var key in known)
        {
            long value = attributes is not null && attributes.TryGetValue(key, out long given) ? given : DefaultOf(type, key);
            if (value < 0)
                throw new FaultProxyException(FaultProxyErrorKind.BadRequest, $"attribute {key} of a {type} toxic must not be negative");
            all[key] = value;
        }

        if (type == "bandwidth" && all["rate"] == 0)
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, "a bandwidth toxic needs a rate above 0 (KB/s)");
        if (type == "slicer" && all["average_size"] == 0)
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, "a slicer toxic needs an average_size above 0");
        if (type == "loss" && all["percent"] > 100)
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, $"attribute percent of a loss toxic must be between 0 and 100, got {all["percent"]}");
        if (type == "loss" && (all["retransmit"] == 0 || all["retransmit"] > MaxRetransmitMs))
            throw new FaultProxyException(FaultProxyErrorKind.BadRequest, $"attribute retransmit of a loss toxic must be between 1 and {MaxRetransmitMs} ms, got {all["retransmit"]}");
        Type = type;
        Stream = stream;
        Toxicity = toxicity;
        Attributes = all;
        Name = string.IsNullOrEmpty(name) ? type + "_" + StreamName(stream) : name;
    }

    public string Name { get; }

    public string Type { get; }

    public ToxicDirection Stream { get; }

    public double Toxicity { get; }

    public IReadOnlyDictionary<string, long> Attributes { get; }

    public long this[string attribute] => Attributes[attribute];

    /// <summary>A copy with some attributes or the toxicity replaced (what POST /proxies/{p}/toxics/{t} does).</summary>
    public ToxicSpec With(IReadOnlyDictionary<string, long>? attributes, double? toxicity)
    {
        var merged = new Dictionary<string, long>(Attributes, StringComparer.Ordinal);
        if (attributes is not null)
        {
            foreach (var (key, value) in attributes)
                merged[key] = value;
        }

        return new ToxicSpec(Type, Stream, toxicity ?? Toxicity, merged, Name);
    }

    private static long DefaultOf(string type, string attribute) =>
        type == "loss" && attribute == "retransmit" ? DefaultRetransmitMs : 0;

    public static string StreamName(ToxicDirection stream) => stream == ToxicDirection.Upstream ? "upstream" : "downstream";

    public static ToxicDirection ParseStream(string? text) => text switch
    {
        null or "" or "downstream" => ToxicDirection.Downstream,
        "upstream" => ToxicDirection.Upstream,
        _ => throw new FaultProxyException(FaultProxyErrorKind.BadRequest, $"stream must be upstream or downstream, got '{text}'"),
    };
}
