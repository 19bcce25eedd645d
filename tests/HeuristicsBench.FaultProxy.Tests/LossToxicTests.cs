using System.Diagnostics;
using System.Net.Sockets;
using HeuristicsBench.FaultProxy.Tests.Support;

namespace HeuristicsBench.FaultProxy.Tests;

public class LossToxicTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ToxicSpec Loss(long percent, long retransmit, ToxicDirection stream = ToxicDirection.Upstream) =>
        new("loss", stream, attributes: new Dictionary<string, long> { ["percent"] = percent, ["retransmit"] = retransmit });

    /// <summary>Sends one small chunk and waits for its echo: the round trip of that chunk alone.</summary>
    private static async Task<TimeSpan> RoundTripAsync(Socket client, byte marker)
    {
        var clock = Stopwatch.StartNew();
        await client.SendAsync(new[] { marker }, SocketFlags.None, Cancel);
        var echoed = await ProxiedEcho.ReadAsync(client, 1, Cancel);
        Assert.Equal([marker], echoed);
        return clock.Elapsed;
    }

    [Fact]
    public async Task With_percent_100_every_chunk_is_held_for_the_retransmit_time()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", Loss(100, 150));
        using var client = await proxied.ConnectAsync(Cancel);

        for (byte i = 0; i < 4; i++)
        {
            var elapsed = await RoundTripAsync(client, i);
            Assert.True(elapsed >= TimeSpan.FromMilliseconds(150), $"chunk {i} took {elapsed}");
        }
    }

    [Fact]
    public async Task With_percent_0_no_chunk_is_held()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", Loss(0, 5_000));
        using var client = await proxied.ConnectAsync(Cancel);

        for (byte i = 0; i < 4; i++)
        {
            var elapsed = await RoundTripAsync(client, i);
            Assert.True(elapsed < TimeSpan.FromMilliseconds(2_500), $"chunk {i} took {elapsed}");
        }
    }

    [Fact]
    public async Task Loss_in_both_directions_adds_up()
    {
        using var proxied = new ProxiedEcho();
        proxied.Server.AddToxic("echo", Loss(100, 100, ToxicDirection.Upstream));
        proxied.Server.AddToxic("echo", Loss(100, 150, ToxicDirection.Downstream));
        using var client = await proxied.ConnectAsync(Cancel);

        var elapsed = await RoundTripAsync(client, 7);

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(250), $"round trip took {elapsed}");
    }

    [Fact]
    public async Task Chunks_behind_a_lost_one_wait_for_it_so_order_is_kept()
    {
        using var proxied = new ProxiedEcho(seed: 11);
        proxied.Server.AddToxic("echo", Loss(50, 100));
        using var client = await proxied.ConnectAsync(Cancel);
        var payload = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();

        var clock = Stopwatch.StartNew();
        var reading = ProxiedEcho.ReadAsync(client, payload.Length, Cancel);
        foreach (byte b in payload)
        {
            // separate writes a little apart, so the proxy reads them as separate chunks
            await client.SendAsync(new[] { b }, SocketFlags.None, Cancel);
            await Task.Delay(5, Cancel);
        }

        Assert.Equal(payload, await reading);
        // with 40 chunks at 50 % (seeded), some chunk was lost and held the stream
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(100), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Retransmit_defaults_to_linux_minimum_rto_and_percent_to_0()
    {
        var toxic = new ToxicSpec("loss");

        Assert.Equal(200, toxic["retransmit"]);
        Assert.Equal(0, toxic["percent"]);
        Assert.Equal(200, toxic.With(new Dictionary<string, long> { ["percent"] = 30 }, null)["retransmit"]);
    }

    [Theory]
    [InlineData(101, 200, "percent")]
    [InlineData(-1, 200, "percent")]
    [InlineData(10, 0, "retransmit")]
    [InlineData(10, -5, "retransmit")]
    [InlineData(10, 120_001, "retransmit")]
    public void Bad_attributes_are_rejected_naming_the_attribute(long percent, long retransmit, string named)
    {
        var error = Assert.Throws<FaultProxyException>(() => Loss(percent, retransmit));

        Assert.Equal(FaultProxyErrorKind.BadRequest, error.Kind);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_cannot_make_a_loss_toxic_invalid()
    {
        var toxic = Loss(10, 200);

        Assert.Throws<FaultProxyException>(() => toxic.With(new Dictionary<string, long> { ["percent"] = 150 }, null));
    }
}
