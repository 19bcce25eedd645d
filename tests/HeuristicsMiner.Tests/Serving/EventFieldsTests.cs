using System.Text;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Serving;

namespace HeuristicsMiner.Tests.Serving;

public sealed class EventFieldsTests
{
    private static bool Parse(string json, out string caseId, out string activity, out DateTimeOffset? emitted, out string? error) =>
        EventFields.TryParse(Encoding.UTF8.GetBytes(json), out caseId, out activity, out emitted, out error);

    [Fact]
    public void Reads_a_generated_event_like_the_full_parser()
    {
        var e = new StreamEvent("case_7", "Assemble", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), 12, 3, false, 1, "n", "g",
            new DateTimeOffset(2026, 11, 24, 1, 2, 3, 456, TimeSpan.Zero));
        Assert.True(EventFields.TryParse(StreamEventJson.ToUtf8(e), out var caseId, out var activity, out var emitted, out var error), error);
        Assert.Equal(("case_7", "Assemble", e.EmittedAt), (caseId, activity, emitted));
    }

    [Fact]
    public void Reads_the_papers_events_without_schema_or_emit_time()
    {
        Assert.True(Parse("{\"timestamp\":\"2024-01-01 10:00:00\",\"activity\":\"A\",\"caseid\":\"c1\",\"node\":\"x\",\"group\":{\"nested\":[1,2]}}",
            out var caseId, out var activity, out var emitted, out _));
        Assert.Equal(("c1", "A", (DateTimeOffset?)null), (caseId, activity, emitted));
    }

    [Fact]
    public void A_nested_object_in_a_known_field_is_stepped_over_not_read_as_top_level_fields()
    {
        Assert.True(Parse("{\"caseid\":\"c1\",\"activity\":\"A\",\"emittedAt\":{\"caseid\":\"c2\",\"activity\":\"B\"}}",
            out var caseId, out var activity, out var emitted, out var error), error);
        Assert.Equal(("c1", "A", (DateTimeOffset?)null), (caseId, activity, emitted));
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_a_malformed_event_not_a_crash()
    {
        byte[] json = [.. "{\"caseid\":\""u8, 0xFF, 0xFE, .. "\",\"activity\":\"A\"}"u8];
        Assert.False(EventFields.TryParse(json, out _, out _, out _, out var error));
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"A\"} {}", "is invalid after a single JSON value")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"A\"", "not JSON")]
    [InlineData("{\"activity\":\"A\"}", "missing or empty caseid")]
    [InlineData("{\"caseid\":7,\"activity\":\"A\"}", "caseid is not a string")]
    [InlineData("{\"caseid\":[\"c\"],\"activity\":\"A\"}", "caseid is not a string")]
    [InlineData("{\"caseid\":\"c\",\"activity\":{\"activity\":\"X\"}}", "activity is not a string")]
    [InlineData("{\"schema\":{\"v\":1},\"caseid\":\"c\",\"activity\":\"A\"}", "unknown schema version (an object)")]
    [InlineData("{\"caseid\":\"c\",\"activity\":\"  \"}", "missing or empty activity")]
    [InlineData("{\"schema\":2,\"caseid\":\"c\",\"activity\":\"A\"}", "unknown schema version 2")]
    [InlineData("{\"schema\":\"1\",\"caseid\":\"c\",\"activity\":\"A\"}", "unknown schema version \"1\"")]
    public void Refuses_unusable_events_with_a_reason(string json, string reason)
    {
        Assert.False(Parse(json, out _, out _, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
