namespace ChaosRunner.Run.Checking;

/// <summary>
/// What the checkers look at after a run: acknowledgements, the input topic's high watermarks, the final model
/// (null when none was published) with its offsets and event count, the offline model of the same records at the
/// same offsets (normalised JSON, null without a final model), and processes still alive after the teardown.
/// </summary>
public sealed record CheckInput(
    long Acknowledged,
    IReadOnlyList<long> HighWatermarks,
    FinalModel? Final,
    string? BaselineJson,
    IReadOnlyList<(string Role, int Pid)> StillAlive);

/// <summary>The miner's final model: the offsets it reflects, its eventsProcessed and its JSON without the service fields.</summary>
public sealed record FinalModel(IReadOnlyDictionary<int, long> Offsets, long EventsProcessed, string NormalizedJson);
