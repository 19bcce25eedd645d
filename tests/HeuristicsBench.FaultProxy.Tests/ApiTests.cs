using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using HeuristicsBench.FaultProxy.Tests.Support;

namespace HeuristicsBench.FaultProxy.Tests;

public sealed class ApiTests : IAsyncLifetime
{
    private readonly EchoServer _echo = new();
    private readonly FaultProxyServer _server = new(seed: 3);
    private readonly HttpClient _http = new();
    private FaultProxyApi? _api;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _api = await FaultProxyApi.StartAsync(_server, new IPEndPoint(IPAddress.Loopback, 0), Cancel);
        _http.BaseAddress = new Uri(_api.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
            await _api.DisposeAsync();
        _http.Dispose();
        _server.Dispose();
        _echo.Dispose();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, Cancel);
        string text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private Task<(HttpStatusCode Status, JsonNode? Body)> CreateEchoProxyAsync() =>
        SendAsync(HttpMethod.Post, "/proxies", $$"""{"name":"echo","listen":"127.0.0.1:0","upstream":"{{_echo.Address}}"}""");

    [Fact]
    public async Task Creating_a_proxy_answers_201_with_the_bound_port_and_it_forwards()
    {
        var (status, body) = await CreateEchoProxyAsync();

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("echo", (string?)body!["name"]);
        Assert.Equal(_echo.Address, (string?)body["upstream"]);
        Assert.True((bool?)body["enabled"]);
        Assert.Empty(body["toxics"]!.AsArray());
        var listen = HostPort.Parse((string)body["listen"]!, "listen");
        Assert.NotEqual(0, listen.Port);

        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync("127.0.0.1", listen.Port, Cancel);
        await client.SendAsync("hi"u8.ToArray(), SocketFlags.None, Cancel);
        Assert.Equal("hi"u8.ToArray(), await ProxiedEcho.ReadAsync(client, 2, Cancel));

        var (listStatus, list) = await SendAsync(HttpMethod.Get, "/proxies");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal((string?)body["listen"], (string?)list!["echo"]!["listen"]);
    }

    [Fact]
    public async Task Duplicate_proxy_is_409_and_unknown_proxy_is_404_with_an_error_body()
    {
        await CreateEchoProxyAsync();

        var (duplicate, duplicateBody) = await CreateEchoProxyAsync();
        var (unknown, unknownBody) = await SendAsync(HttpMethod.Get, "/proxies/nope");
        var (unknownDelete, _) = await SendAsync(HttpMethod.Delete, "/proxies/nope");
        var (unknownToxics, _) = await SendAsync(HttpMethod.Get, "/proxies/nope/toxics");

        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Equal("proxy already exists", (string?)duplicateBody!["error"]);
        Assert.Equal(409, (int?)duplicateBody["status"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("proxy not found", (string?)unknownBody!["error"]);
        Assert.Equal(HttpStatusCode.NotFound, unknownDelete);
        Assert.Equal(HttpStatusCode.NotFound, unknownToxics);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"name":"x","listen":"127.0.0.1:0"}""")]
    [InlineData("""{"name":"x","listen":"nonsense","upstream":"127.0.0.1:1"}""")]
    [InlineData("[1,2]")]
    public async Task A_bad_proxy_body_is_400_with_a_message(string json)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/proxies", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty((string?)body!["error"]));
        Assert.Empty(_server.List());
    }

    [Fact]
    public async Task Toxics_can_be_added_listed_updated_and_deleted()
    {
        await CreateEchoProxyAsync();

        var (added, toxic) = await SendAsync(HttpMethod.Post, "/proxies/echo/toxics",
            """{"type":"latency","attributes":{"latency":100}}""");
        Assert.Equal(HttpStatusCode.OK, added);
        Assert.Equal("latency_downstream", (string?)toxic!["name"]);
        Assert.Equal("downstream", (string?)toxic["stream"]);
        Assert.Equal(1.0, (double?)toxic["toxicity"]);
        Assert.Equal(100, (long?)toxic["attributes"]!["latency"]);
        Assert.Equal(0, (long?)toxic["attributes"]!["jitter"]);

        var (duplicate, _) = await SendAsync(HttpMethod.Post, "/proxies/echo/toxics", """{"type":"latency"}""");
        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        var (badType, badBody) = await SendAsync(HttpMethod.Post, "/proxies/echo/toxics", """{"type":"gremlins"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badType);
        Assert.Contains("gremlins", (string?)badBody!["error"], StringComparison.Ordinal);

        var (updated, changed) = await SendAsync(HttpMethod.Post, "/proxies/echo/toxics/latency_downstream",
            """{"attributes":{"jitter":5},"toxicity":0.5}""");
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal(100, (long?)changed!["attributes"]!["latency"]);
        Assert.Equal(5, (long?)changed["attributes"]!["jitter"]);
        Assert.Equal(0.5, (double?)changed["toxicity"]);

        var (_, list) = await SendAsync(HttpMethod.Get, "/proxies/echo/toxics");
        Assert.Single(list!.AsArray());
        var (_, proxy) = await SendAsync(HttpMethod.Get, "/proxies/echo");
        Assert.Equal("latency_downstream", (string?)proxy!["toxics"]![0]!["name"]);

        var (deleted, _) = await SendAsync(HttpMethod.Delete, "/proxies/echo/toxics/latency_downstream");
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        var (gone, goneBody) = await SendAsync(HttpMethod.Get, "/proxies/echo/toxics/latency_downstream");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal("toxic not found", (string?)goneBody!["error"]);
    }

    [Fact]
    public async Task A_loss_toxic_gets_the_default_retransmit_and_a_percent_above_100_is_400()
    {
        await CreateEchoProxyAsync();

        var (added, toxic) = await SendAsync(HttpMethod.Post, "/proxies/echo/toxics",
            """{"type":"loss","stream":"upstream","attributes":{"percent":5}}""");
        Assert.Equal(HttpStatusCode.OK, added);
        Assert.Equal("loss_upstream", (string?)toxic!["name"]);
        Assert.Equal(5, (long?)toxic["attributes"]!["percent"]);
        Assert.Equal(200, (long?)toxic["attributes"]!["retransmit"]);

        var (tooMuch, error) = await SendAsync(HttpMethod.Post, "/proxies/echo/toxics",
            """{"type":"loss","name":"heavy","attributes":{"percent":101}}""");
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch);
        Assert.Contains("percent", (string?)error!["error"], StringComparison.Ordinal);
        var (badUpdate, _) = await SendAsync(HttpMethod.Post, "/proxies/echo/toxics/loss_upstream", """{"attributes":{"percent":300}}""");
        Assert.Equal(HttpStatusCode.BadRequest, badUpdate);
        var (_, list) = await SendAsync(HttpMethod.Get, "/proxies/echo/toxics");
        Assert.Equal(5, (long?)Assert.Single(list!.AsArray())!["attributes"]!["percent"]);
    }

    [Fact]
    public async Task Posting_enabled_false_disables_and_reset_enables_and_clears_toxics()
    {
        await CreateEchoProxyAsync();
        await SendAsync(HttpMethod.Post, "/proxies/echo/toxics", """{"type":"timeout","stream":"upstream"}""");

        var (updated, proxy) = await SendAsync(HttpMethod.Post, "/proxies/echo", """{"enabled":false}""");
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.False((bool?)proxy!["enabled"]);

        var (reset, resetBody) = await SendAsync(HttpMethod.Post, "/reset");
        Assert.Equal(HttpStatusCode.NoContent, reset);
        Assert.Null(resetBody);
        var (_, after) = await SendAsync(HttpMethod.Get, "/proxies/echo");
        Assert.True((bool?)after!["enabled"]);
        Assert.Empty(after["toxics"]!.AsArray());
    }

    [Fact]
    public async Task Deleting_a_proxy_answers_204_and_stops_it()
    {
        var (_, body) = await CreateEchoProxyAsync();
        int port = HostPort.Parse((string)body!["listen"]!, "listen").Port;

        var (deleted, _) = await SendAsync(HttpMethod.Delete, "/proxies/echo");

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Empty(_server.List());
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync("127.0.0.1", port, Cancel));
    }

    [Fact]
    public async Task Version_answers_200()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/version");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(FaultProxyApi.Version, (string?)body!["version"]);
    }
}
