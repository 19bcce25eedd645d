namespace HeuristicsBench.EventLogs.Tests;

public class InterleaveTests
{
    private static List<LogEvent> ReadA12(int seed, int openCases = 10) =>
        EventLogReader.Read(TestFiles.A12f0n00, new EventLogReadOptions(InterleaveSeed: seed, InterleaveOpenCases: openCases)).ToList();

    private static Dictionary<string, List<string>> DocumentOrderTraces() =>
        EventLogReader.Read(TestFiles.A12f0n00, new EventLogReadOptions(InterleaveOpenCases: 1))
            .GroupBy(e => e.CaseId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Activity).ToList());

    [Fact]
    public void Same_seed_gives_the_same_order()
    {
        Assert.Equal(ReadA12(42), ReadA12(42));
        Assert.Equal(ReadA12(-7, 3), ReadA12(-7, 3));
    }

    [Fact]
    public void Different_seeds_give_different_orders()
    {
        var a = ReadA12(42);
        var b = ReadA12(43);

        Assert.Equal(a.Count, b.Count);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(42, 10)]
    [InlineData(1, 2)]
    [InlineData(12345, 1000)]
    [InlineData(int.MinValue, 5000)]
    public void Every_event_once_and_every_trace_in_its_own_order(int seed, int openCases)
    {
        var expected = DocumentOrderTraces();

        var events = ReadA12(seed, openCases);

        Assert.Equal(6186, events.Count);
        var actual = events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.Select(e => e.Activity).ToList());
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (caseId, activities) in expected)
        {
            Assert.Equal(activities, actual[caseId]);
        }
    }

    [Fact]
    public void Cases_really_interleave()
    {
        var events = ReadA12(42);

        var caseChanges = events.Zip(events.Skip(1)).Count(p => p.First.CaseId != p.Second.CaseId);
        Assert.True(caseChanges > 3000, $"only {caseChanges} case changes");
    }

    [Fact]
    public void At_most_the_configured_number_of_cases_are_open()
    {
        var events = ReadA12(7, 4);

        var lastIndex = new Dictionary<string, int>();
        for (var i = 0; i < events.Count; i++)
        {
            lastIndex[events[i].CaseId] = i;
        }

        var open = new HashSet<string>();
        for (var i = 0; i < events.Count; i++)
        {
            open.Add(events[i].CaseId);
            Assert.True(open.Count <= 4, $"{open.Count} cases open at event {i}");
            if (lastIndex[events[i].CaseId] == i)
            {
                open.Remove(events[i].CaseId);
            }
        }
    }

    [Fact]
    public void Traces_are_opened_in_document_order()
    {
        const int openCases = 10;
        var events = ReadA12(99, openCases);
        var documentOrder = DocumentOrderTraces().Keys.ToList();
        var firstIndex = new Dictionary<string, int>();
        var lastIndex = new Dictionary<string, int>();
        for (var i = 0; i < events.Count; i++)
        {
            firstIndex.TryAdd(events[i].CaseId, i);
            lastIndex[events[i].CaseId] = i;
        }

        // Trace k is opened only when fewer than 10 traces are open, and traces 0..k-1 were all opened before it,
        // so when it first shows at least k-9 of them are finished.
        for (var k = 0; k < documentOrder.Count; k++)
        {
            var start = firstIndex[documentOrder[k]];
            var finishedBefore = documentOrder.Take(k).Count(id => lastIndex[id] < start);
            Assert.True(finishedBefore >= k - (openCases - 1), $"trace {k} started when only {finishedBefore} earlier traces were finished");
        }
    }

    [Theory]
    [InlineData(42, 10, "3|S,1|S,8|S,4|S,a12f0n00|S,2|S,5|S,8|b", "ae29d7444eb5997b22c4505f27b11dfc46b060cdf299705f15cbdb0d1c03f69b")]
    [InlineData(7, 3, "a12f0n00|S,a12f0n00|f,a12f0n00|g,a12f0n00|h,1|S,a12f0n00|i,1|f,a12f0n00|k", "1efe26cba4fa8f8b7c84e0950b2c0128b133bd0b65008175b8d745ce7ab2117a")]
    [InlineData(-5, 1000, "514|S,904|S,169|S,435|S,530|S,417|S,475|S,32|S", "2d17c42bf36ed60367df402c15c24c340f2ebe7fff0ae60bb607183153c4633d")]
    public void Order_matches_an_independent_implementation_of_the_documented_scheme(int seed, int openCases, string firstEight, string sha256)
    {
        // Expected values from a separate Python implementation of the scheme in the README
        // ("case|activity" lines, SHA-256 of all of them joined with newlines).
        var events = ReadA12(seed, openCases);

        Assert.Equal(firstEight, string.Join(",", events.Take(8).Select(e => $"{e.CaseId}|{e.Activity}")));
        var text = string.Join("\n", events.Select(e => $"{e.CaseId}|{e.Activity}"));
        Assert.Equal(sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Scheme_is_pinned_on_a_small_example()
    {
        // Three traces, two open at a time, seed 0. SplitMix64(0) yields (mod 2, 2, 2, 1, ...) as computed by hand:
        // 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, ...
        var a = new[] { Ev("a", 1), Ev("a", 2) };
        var b = new[] { Ev("b", 1) };
        var c = new[] { Ev("c", 1), Ev("c", 2) };
        var random = new SplitMix64(0);
        var expected = new List<string>();
        var open = new List<(LogEvent[] Trace, int Next)> { (a, 0), (b, 0) };
        var pending = new Queue<LogEvent[]>([c]);
        while (open.Count > 0)
        {
            var i = (int)(random.Next() % (ulong)open.Count);
            var (trace, next) = open[i];
            expected.Add(trace[next].Activity);
            if (next + 1 < trace.Length)
            {
                open[i] = (trace, next + 1);
            }
            else
            {
                open.RemoveAt(i);
                if (pending.Count > 0)
                {
                    open.Add((pending.Dequeue(), 0));
                }
            }
        }

        var actual = TraceInterleaver.Interleave([a, b, [], c], seed: 0, maxOpenTraces: 2).Select(e => e.Activity).ToList();

        Assert.Equal(expected, actual);
        // 0xE220A8397B1DCDAF is odd -> b1; then a alone with c: 0x...F4 even -> a1; 0x...4F odd -> c1.
        Assert.Equal(["b1", "a1", "c1"], actual.Take(3));
    }

    [Fact]
    public void Interleave_is_lazy_about_opening_traces()
    {
        var pulled = 0;
        IEnumerable<IReadOnlyList<LogEvent>> Traces()
        {
            for (var i = 0; i < 1000; i++)
            {
                pulled++;
                yield return [Ev("t" + i, 1)];
            }
        }

        var first = TraceInterleaver.Interleave(Traces(), 1, 3).First();

        Assert.StartsWith("t", first.Activity, StringComparison.Ordinal);
        Assert.Equal(3, pulled);
    }

    private static LogEvent Ev(string trace, int n) => new(trace, trace + n, null);
}
