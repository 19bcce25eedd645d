using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeuristicsBench.ServiceHost;

/// <remarks>
/// An unknown field is an error (a misspelt <c>offset</c> would otherwise silently reset the clock to 0), and
/// numbers must be JSON numbers (the web default also reads strings, including "NaN").
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ClockRequest))]
[JsonSerializable(typeof(ClockState))]
internal sealed partial class ClockJson : JsonSerializerContext;
