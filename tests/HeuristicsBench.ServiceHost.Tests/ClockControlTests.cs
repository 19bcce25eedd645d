using System.Net;
using System.Text;
using System.Text.Json;
using HeuristicsBench.ServiceHost.Tests.Support;

namespace HeuristicsBench.ServiceHost.Tests;

public class ClockControlTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<ClockState> ReadState(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var state = JsonSerializer.Deserialize<ClockState>(await response.Content.ReadAsStringAsync(Cancel), JsonSerializerOptions.Web);
        return Assert.IsType<ClockState>(state);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Disabled_clock_control_is_404_and_leaves_the_clock(string method)
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: false);
        running.Clock.Set(TimeSpan.FromSeconds(7), 0);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/control/clock");
        if (method is "PUT" or "POST")
            request.Content = Json("""{"offsetMs":1000}""");
        using var response = await running.Http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), running.Clock.CurrentSkew);
    }

    [Fact]
    public async Task Get_shows_no_skew_at_first()
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        var state = await ReadState(await running.Http.GetAsync("/control/clock", Cancel));
        Assert.Equal(new ClockState(0, 0, 0, running.Time.GetUtcNow()), state);
    }

    [Fact]
    public async Task Put_sets_the_skew_seen_by_get_and_by_the_clock()
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        var put = await ReadState(await running.Http.PutAsync("/control/clock", Json("""{"offsetMs":-2500,"driftPpm":200}"""), Cancel));
        Assert.Equal(new ClockState(-2500, 200, -2500, running.Time.GetUtcNow().AddMilliseconds(-2500)), put);
        Assert.Equal(TimeSpan.FromMilliseconds(-2500), running.Clock.Skew.Offset);

        running.Time.Advance(TimeSpan.FromSeconds(50)); // 50 s × 200 ppm = 10 ms
        var expectedNow = running.Time.GetUtcNow().AddMilliseconds(-2490);
        Assert.Equal(expectedNow, running.Clock.GetUtcNow());
        var get = await ReadState(await running.Http.GetAsync("/control/clock", Cancel));
        Assert.Equal(new ClockState(-2500, 200, -2490, expectedNow), get);
    }

    [Fact]
    public async Task Post_works_like_put_and_absent_fields_are_zero()
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        running.Clock.Set(TimeSpan.FromSeconds(1), 50);
        var state = await ReadState(await running.Http.PostAsync("/control/clock", Json("""{"driftPpm":-40}"""), Cancel));
        Assert.Equal(0, state.OffsetMs);
        Assert.Equal(-40, state.DriftPpm);
        Assert.Equal(TimeSpan.Zero, running.Clock.Skew.Offset);
    }

    [Fact]
    public async Task Delete_resets_the_clock()
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        running.Clock.Set(TimeSpan.FromMinutes(5), 1000);
        running.Time.Advance(TimeSpan.FromSeconds(30));
        var state = await ReadState(await running.Http.DeleteAsync("/control/clock", Cancel));
        Assert.Equal(new ClockState(0, 0, 0, running.Time.GetUtcNow()), state);
        Assert.Equal(running.Time.GetUtcNow(), running.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData("", "does not contain any JSON tokens")]
    [InlineData("{offsetMs:1}", "invalid start of a property name")]
    [InlineData("[1]", "could not be converted")]
    [InlineData("""{"offsetMs":"5"}""", "could not be converted")]
    [InlineData("""{"offsetMs":"NaN"}""", "could not be converted")]
    [InlineData("""{"offset":5000}""", "'offset'")]
    [InlineData("null", "body is null")]
    public async Task Bad_body_is_400_naming_the_problem_and_leaves_the_clock(string body, string named)
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        running.Clock.Set(TimeSpan.FromSeconds(7), 3);
        var before = running.Clock.Skew;
        using var response = await running.Http.PutAsync("/control/clock", Json(body), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Same(before, running.Clock.Skew);
    }

    [Theory]
    [InlineData("""{"offsetMs":86400001}""", "offsetMs")]
    [InlineData("""{"offsetMs":-1e300}""", "offsetMs")]
    [InlineData("""{"offsetMs":1e400}""", "offsetMs")]
    [InlineData("""{"driftPpm":1000001}""", "driftPpm")]
    [InlineData("""{"offsetMs":0,"driftPpm":-1e400}""", "driftPpm")]
    public async Task Out_of_range_values_are_400_naming_the_field_and_leave_the_clock(string body, string field)
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        running.Clock.Set(TimeSpan.FromSeconds(7), 3);
        var before = running.Clock.Skew;
        using var response = await running.Http.PutAsync("/control/clock", Json(body), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + " must be", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Same(before, running.Clock.Skew);
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        var state = await ReadState(await running.Http.PutAsync("/control/clock", Json("""{"offsetMs":-86400000,"driftPpm":1000000}"""), Cancel));
        Assert.Equal(-86_400_000, state.OffsetMs);
        Assert.Equal(1_000_000, state.DriftPpm);
    }

    [Fact]
    public async Task A_body_over_4_KiB_is_413_and_leaves_the_clock()
    {
        await using var running = await RunningEndpoint.StartAsync(clockControl: true);
        var body = """{"offsetMs":100""" + new string(' ', 100_000) + "}"; // valid JSON, only too long
        using var response = await running.Http.PutAsync("/control/clock", Json(body), Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Same(ClockSkew.None, running.Clock.Skew);
    }
}
