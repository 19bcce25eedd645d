namespace HeuristicsBench.EventLogs;

/// <summary>
/// Where the columns an event log reader needs are in a CSV header. Names are matched exactly
/// (case-sensitive) after trimming surrounding whitespace; the project's own name wins over the
/// pm4py name when a header has both, and the first of several equal names wins.
/// </summary>
internal sealed class CsvColumnMap
{
    private static readonly string[] CaseIdNames = ["case_id", "case:concept:name"];
    private static readonly string[] ActivityNames = ["activity", "concept:name"];
    private static readonly string[] TimestampNames = ["timestamp", "time:timestamp"];
    private static readonly string[] LifecycleNames = ["lifecycle", "lifecycle:transition"];

    private CsvColumnMap(int caseId, int activity, int timestamp, int lifecycle, int headerCount)
    {
        CaseId = caseId;
        Activity = activity;
        Timestamp = timestamp;
        Lifecycle = lifecycle;
        HeaderCount = headerCount;
    }

    /// <summary>The index of the case id column.</summary>
    public int CaseId { get; }

    /// <summary>The index of the activity column.</summary>
    public int Activity { get; }

    /// <summary>The index of the timestamp column, or -1 when the header has none.</summary>
    public int Timestamp { get; }

    /// <summary>The index of the lifecycle transition column, or -1 when the header has none.</summary>
    public int Lifecycle { get; }

    /// <summary>The number of columns of the header, which every row must have.</summary>
    public int HeaderCount { get; }

    /// <summary>Finds the columns in <paramref name="headers"/>.</summary>
    /// <param name="headers">The header names as read.</param>
    /// <param name="path">The file, for errors.</param>
    /// <param name="line">The line of the header, for errors.</param>
    /// <returns>The column map.</returns>
    /// <exception cref="EventLogFormatException">A required column is missing.</exception>
    public static CsvColumnMap Resolve(IReadOnlyList<string> headers, string path, int line)
    {
        var trimmed = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            trimmed[i] = headers[i].Trim();
        }

        var caseId = Find(trimmed, CaseIdNames);
        var activity = Find(trimmed, ActivityNames);
        var missing = new List<string>(2);
        if (caseId < 0)
        {
            missing.Add(Describe(CaseIdNames));
        }

        if (activity < 0)
        {
            missing.Add(Describe(ActivityNames));
        }

        if (missing.Count > 0)
        {
            var found = string.Join(",", headers.Select(h => MessageText.Quote(h)));
            var reason = $"missing required column {string.Join(" and ", missing)}; header found: {found}";
            throw new EventLogFormatException(path, line, null, reason);
        }

        return new CsvColumnMap(caseId, activity, Find(trimmed, TimestampNames), Find(trimmed, LifecycleNames), headers.Count);
    }

    private static int Find(string[] headers, string[] names)
    {
        foreach (var name in names)
        {
            var index = Array.IndexOf(headers, name);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static string Describe(string[] names) => $"'{names[0]}' (or '{names[1]}')";
}
