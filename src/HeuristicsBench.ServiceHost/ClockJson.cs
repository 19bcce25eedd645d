using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeuristicsBench.ServiceHost;

/// <summary>Body of PUT /control/clock; absent fields are 0.</summary>
public sealed record ClockRequest(double? OffsetMs, double? DriftPpm);

/// <summary>Answer of /control/clock: the configured skew, the skew accumulated now and the skewed time.</summary>
public sealed record ClockState(double OffsetMs, double DriftPpm, double CurrentSkewMs, DateTimeOffset Now);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ClockRequest))]
[JsonSerializable(typeof(ClockState))]
internal sealed partial class ClockJson : JsonSerializerContext;
