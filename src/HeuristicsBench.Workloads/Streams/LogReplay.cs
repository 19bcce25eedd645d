using HeuristicsBench.EventLogs;

namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// Replays an event log file (CSV, XES, XES.GZ, read by <see cref="EventLogReader"/> in its documented order) as
/// a stream of <see cref="StreamEvent"/>s. The file is read twice: first to count each case's events (so the
/// replay can mark the last event of a case, as generated streams do), then to emit. Events without a
/// timestamp get <c>start + i seconds</c>. A replayed log has no model, hence no ground truth. Case ids are the log's,
/// with <c>casePrefix</c> put in front (none by default).
/// </summary>
public static class LogReplay
{
    public static IEnumerable<StreamEvent> Events(string path, EventLogReadOptions? options = null, DateTimeOffset? start = null, long limit = long.MaxValue,
        string casePrefix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(casePrefix);
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in EventLogReader.Read(path, options))
            lengths[e.CaseId] = lengths.GetValueOrDefault(e.CaseId) + 1;
        return Emit(path, options, start ?? StreamSettings.DefaultStart, limit, lengths, casePrefix);
    }

    private static IEnumerable<StreamEvent> Emit(string path, EventLogReadOptions? options, DateTimeOffset start, long limit,
        Dictionary<string, int> lengths, string casePrefix)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var group = Path.GetFileName(path);
        long id = 0;
        foreach (var e in EventLogReader.Read(path, options))
        {
            if (id >= limit)
                yield break;
            var sequence = seen[e.CaseId] = seen.GetValueOrDefault(e.CaseId) + 1;
            yield return new StreamEvent(casePrefix + e.CaseId, e.Activity, e.Timestamp ?? start.AddSeconds(id), id, sequence,
                sequence == lengths[e.CaseId], 0, "replay", group);
            id++;
        }
    }
}
