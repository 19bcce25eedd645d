using System.Security.Cryptography;
using System.Text;

namespace HeuristicsBench.EventLogs.Tests;

/// <summary>Reads the shipped pm4py logs; the expected numbers and orders were computed with Python's ElementTree.</summary>
public class XesLogTests
{
    [Fact]
    public void Running_example_has_42_events_in_6_cases()
    {
        var events = EventLogReader.Read(TestFiles.RunningExample).ToList();

        Assert.Equal(42, events.Count);
        Assert.Equal(6, events.Select(e => e.CaseId).Distinct().Count());
        Assert.All(events, e => Assert.NotNull(e.Timestamp));
    }

    [Fact]
    public void Running_example_starts_in_timestamp_order_across_cases()
    {
        var first = EventLogReader.Read(TestFiles.RunningExample).Take(8).ToList();

        var expected = new[]
        {
            ("1", "register request", "2010-12-30T11:02:00+01:00"),
            ("2", "register request", "2010-12-30T11:32:00+01:00"),
            ("2", "check ticket", "2010-12-30T12:12:00+01:00"),
            ("2", "examine casually", "2010-12-30T14:16:00+01:00"),
            ("3", "register request", "2010-12-30T14:32:00+01:00"),
            ("3", "examine casually", "2010-12-30T15:06:00+01:00"),
            ("3", "check ticket", "2010-12-30T16:34:00+01:00"),
            ("1", "examine thoroughly", "2010-12-31T10:06:00+01:00"),
        };
        Assert.Equal(expected.Length, first.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Item1, first[i].CaseId);
            Assert.Equal(expected[i].Item2, first[i].Activity);
            var timestamp = DateTimeOffset.Parse(expected[i].Item3, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(timestamp, first[i].Timestamp);
            Assert.Equal(TimeSpan.FromHours(1), first[i].Timestamp!.Value.Offset);
        }
    }

    [Fact]
    public void Running_example_tie_keeps_document_order()
    {
        // Cases 6 (4th trace) and 4 (6th trace) both register a request at 2011-01-06T15:02+01:00.
        var events = EventLogReader.Read(TestFiles.RunningExample).ToList();

        Assert.Equal(new LogEvent("3", "examine thoroughly", new DateTimeOffset(2011, 1, 6, 13, 6, 0, TimeSpan.FromHours(1))), events[14]);
        Assert.Equal(new LogEvent("6", "register request", new DateTimeOffset(2011, 1, 6, 15, 2, 0, TimeSpan.FromHours(1))), events[15]);
        Assert.Equal(new LogEvent("4", "register request", new DateTimeOffset(2011, 1, 6, 15, 2, 0, TimeSpan.FromHours(1))), events[16]);
        Assert.Equal("examine casually", events[17].Activity);
        Assert.Equal("6", events[17].CaseId);
    }

    [Theory]
    [InlineData("running-example.xes", 42, "60fa8f38448985ddf6e3da6b8c8f95af1a46e6c55a71ecd6d82f48a197b73381")]
    [InlineData("roadtraffic100traces.xes", 390, "2b2498d45d1ee6169ec931ec65c9fd15eac266dec55f35cb6cdc9ec91a81bfbd")]
    [InlineData("helpdesk.xes.gz", 21348, "09ed177241dd308e28e2e154e53bd5bff9e7dfea90be618ba91df77f2a2c3e4e")]
    public void Timestamped_logs_match_an_independent_stable_sort(string file, int count, string sha256)
    {
        // The hash is of "case|activity" lines in the order of Python's (stable) sorted() by timestamp.
        var events = EventLogReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", file)).ToList();

        Assert.Equal(count, events.Count);
        var text = string.Join("\n", events.Select(e => $"{e.CaseId}|{e.Activity}"));
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i - 1].Timestamp <= events[i].Timestamp, $"events {i - 1} and {i} are out of order");
        }
    }

    [Fact]
    public void Roadtraffic_ties_keep_document_order()
    {
        var instant = new DateTimeOffset(2002, 4, 10, 0, 0, 0, TimeSpan.FromHours(2));
        var tied = EventLogReader.Read(TestFiles.RoadTraffic100)
            .Where(e => e.Timestamp == instant)
            .Select(e => e.CaseId)
            .ToList();

        Assert.Equal(["S57499", "S59734", "S45359", "V5222", "N29297", "V6627"], tied);
    }

    [Fact]
    public void Roadtraffic_has_390_events_in_100_cases()
    {
        var events = EventLogReader.Read(TestFiles.RoadTraffic100).ToList();

        Assert.Equal(390, events.Count);
        Assert.Equal(100, events.Select(e => e.CaseId).Distinct().Count());
        Assert.Equal(new LogEvent("S45359", "Create Fine", new DateTimeOffset(2000, 3, 15, 0, 0, 0, TimeSpan.FromHours(1))), events[0]);
        // The log-level meta_* attributes describe the full Road Traffic Fines log (11 activities); these 100 traces have 10.
        Assert.Equal(10, events.Select(e => e.Activity).Distinct().Count());
    }

    [Fact]
    public void Helpdesk_in_the_xes_namespace_is_read()
    {
        var events = EventLogReader.Read(TestFiles.Helpdesk).ToList();

        Assert.Equal(21348, events.Count);
        Assert.Equal(4580, events.Select(e => e.CaseId).Distinct().Count());
        Assert.All(events, e => Assert.Equal(TimeSpan.Zero, e.Timestamp!.Value.Offset));
    }

    [Fact]
    public void A12f0n00_without_timestamps_has_6186_events_in_1000_cases()
    {
        var events = EventLogReader.Read(TestFiles.A12f0n00).ToList();

        Assert.Equal(6186, events.Count);
        Assert.All(events, e => Assert.Null(e.Timestamp));
        var cases = events.Select(e => e.CaseId).Distinct().ToList();
        Assert.Equal(1000, cases.Count);
        Assert.Contains("a12f0n00", cases);
        Assert.Contains("999", cases);
        Assert.Equal(
            ["E", "S", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"],
            events.Select(e => e.Activity).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A12f0n00_first_trace_keeps_its_order_when_interleaved()
    {
        var events = EventLogReader.Read(TestFiles.A12f0n00).ToList();

        Assert.Equal(["S", "f", "g", "h", "i", "k", "E"], events.Where(e => e.CaseId == "a12f0n00").Select(e => e.Activity));
    }

    [Fact]
    public void A12f0n00_with_one_open_case_is_document_order()
    {
        var events = EventLogReader.Read(TestFiles.A12f0n00, new EventLogReadOptions(InterleaveOpenCases: 1)).ToList();

        Assert.Equal(6186, events.Count);
        Assert.Equal(["S", "f", "g", "h", "i", "k", "E"], events.Take(7).Select(e => e.Activity));
        Assert.All(events.Take(7), e => Assert.Equal("a12f0n00", e.CaseId));
        Assert.Equal("1", events[7].CaseId);
        var caseChanges = events.Zip(events.Skip(1)).Count(p => p.First.CaseId != p.Second.CaseId);
        Assert.Equal(999, caseChanges);
    }
}
