namespace HeuristicsBench.EventLogs;

/// <summary>
/// Merges traces into one stream of events the way concurrent cases would arrive, deterministically.
/// </summary>
/// <remarks>
/// <para>The scheme, which depends only on its inputs (not on <see cref="Random"/> or the runtime):</para>
/// <list type="number">
/// <item>A <see cref="SplitMix64"/> generator is seeded with the seed (sign-extended to 64 bits).</item>
/// <item>Traces are opened in their given order, skipping empty ones, until <c>maxOpenTraces</c> are open.
/// The open traces form a list in the order they were opened.</item>
/// <item>At each step the generator's next value modulo the number of open traces is the position in that list of
/// the trace that emits its next event.</item>
/// <item>A trace whose events are all emitted is removed from the list (the others keep their order) and the next
/// non-empty trace, if any, is appended to the end of it.</item>
/// <item>The stream ends when no trace is open.</item>
/// </list>
/// <para>Every event is emitted exactly once and the events of a trace keep their order. With
/// <c>maxOpenTraces</c> = 1 the result is the traces one after the other.</para>
/// </remarks>
public static class TraceInterleaver
{
    /// <summary>Interleaves <paramref name="traces"/> lazily: a trace is taken from the sequence only when it is opened.</summary>
    /// <param name="traces">The traces, each a list of events in order.</param>
    /// <param name="seed">The seed of the generator.</param>
    /// <param name="maxOpenTraces">How many traces may be open at once; at least 1.</param>
    /// <returns>The interleaved events.</returns>
    public static IEnumerable<LogEvent> Interleave(IEnumerable<IReadOnlyList<LogEvent>> traces, int seed, int maxOpenTraces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOpenTraces, 1);
        return InterleaveCore(traces, seed, maxOpenTraces);
    }

    private static IEnumerable<LogEvent> InterleaveCore(IEnumerable<IReadOnlyList<LogEvent>> traces, int seed, int maxOpenTraces)
    {
        var random = new SplitMix64(seed);
        var open = new List<IReadOnlyList<LogEvent>>(Math.Min(maxOpenTraces, 1024));
        var emitted = new List<int>(open.Capacity);
        using var source = traces.GetEnumerator();
        while (open.Count < maxOpenTraces && TryOpenNext(source, out var trace))
        {
            open.Add(trace);
            emitted.Add(0);
        }

        while (open.Count > 0)
        {
            var index = (int)(random.Next() % (ulong)open.Count);
            var trace = open[index];
            var position = emitted[index];
            yield return trace[position];
            position++;
            if (position < trace.Count)
            {
                emitted[index] = position;
                continue;
            }

            open.RemoveAt(index);
            emitted.RemoveAt(index);
            if (TryOpenNext(source, out var next))
            {
                open.Add(next);
                emitted.Add(0);
            }
        }
    }

    private static bool TryOpenNext(IEnumerator<IReadOnlyList<LogEvent>> source, out IReadOnlyList<LogEvent> trace)
    {
        while (source.MoveNext())
        {
            trace = source.Current ?? throw new ArgumentException("The sequence of traces contains null.", nameof(source));
            if (trace.Count > 0)
            {
                return true;
            }
        }

        trace = [];
        return false;
    }
}
