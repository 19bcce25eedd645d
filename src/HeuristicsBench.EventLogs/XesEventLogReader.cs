namespace HeuristicsBench.EventLogs;

/// <summary>
/// Reads XES event logs (<c>.xes</c>, or gzip-compressed <c>.xes.gz</c>) as a stream of events.
/// </summary>
/// <remarks>
/// <para>The case id is the trace's <c>&lt;string key="concept:name"&gt;</c>, the activity the event's, the timestamp
/// the event's <c>&lt;date key="time:timestamp"&gt;</c> (offset kept) and the lifecycle transition the event's
/// <c>&lt;string key="lifecycle:transition"&gt;</c>; only direct children of <c>&lt;trace&gt;</c> and <c>&lt;event&gt;</c>
/// count. <see cref="EventLogReadOptions.Lifecycle"/> decides which events are kept; traces without kept events
/// contribute nothing.</para>
/// <para>Order: when every kept event has a timestamp, all events are emitted in timestamp order, ties in document
/// order (trace, then event); the whole log is read into memory first. Otherwise the traces are merged by
/// <see cref="TraceInterleaver"/> with <see cref="EventLogReadOptions.InterleaveSeed"/> and
/// <see cref="EventLogReadOptions.InterleaveOpenCases"/>; the document is then read only as far as the first trace
/// with an event lacking a timestamp before the first event is emitted, and lazily after that, so errors further
/// on surface while enumerating.</para>
/// </remarks>
public static class XesEventLogReader
{
    /// <summary>Reads the events of a XES file, decompressing it when its name ends with <c>.gz</c> (ignoring case).
    /// The file is opened when the enumeration starts and closed when it ends or is disposed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The events, ordered as the remarks describe.</returns>
    /// <exception cref="EventLogFormatException">The content is not a valid event log (thrown while enumerating).</exception>
    public static IEnumerable<LogEvent> Read(string path, EventLogReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new EventLogReadOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InterleaveOpenCases, 1, nameof(options));
        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        return ReadEvents(path, gzip, options);
    }

    private static IEnumerable<LogEvent> ReadEvents(string path, bool gzip, EventLogReadOptions options)
    {
        using var reader = XesTraceReader.Open(path, gzip, options.Lifecycle, new StringPool());
        var buffered = new List<XesTrace>();
        var allTimestamped = true;
        while (reader.ReadNext() is { } trace)
        {
            buffered.Add(trace);
            if (!trace.AllTimestamped)
            {
                allTimestamped = false;
                break;
            }
        }

        if (allTimestamped)
        {
            reader.Dispose();
            foreach (var logEvent in InTimestampOrder(buffered))
            {
                yield return logEvent;
            }

            yield break;
        }

        var traces = Remaining(buffered, reader);
        foreach (var logEvent in TraceInterleaver.Interleave(traces, options.InterleaveSeed, options.InterleaveOpenCases))
        {
            yield return logEvent;
        }
    }

    /// <summary>All events in timestamp order; <see cref="Enumerable.OrderBy{TSource, TKey}(IEnumerable{TSource}, Func{TSource, TKey})"/> is stable, so ties keep document order.</summary>
    private static IEnumerable<LogEvent> InTimestampOrder(List<XesTrace> traces) =>
        traces.SelectMany(t => t.Events).OrderBy(e => e.Timestamp!.Value.UtcTicks);

    /// <summary>The traces read already, then the rest of the document, read as they are needed.</summary>
    private static IEnumerable<IReadOnlyList<LogEvent>> Remaining(List<XesTrace> buffered, XesTraceReader reader)
    {
        for (var i = 0; i < buffered.Count; i++)
        {
            var trace = buffered[i];
            buffered[i] = null!;
            yield return trace.Events;
        }

        while (reader.ReadNext() is { } trace)
        {
            yield return trace.Events;
        }
    }
}
