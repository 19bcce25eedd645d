using System.Net;

namespace HeuristicsBench.ServiceHost.Tests;

public class HttpEndpointOptionsTests
{
    [Fact]
    public void Defaults_are_a_free_loopback_port_without_clock_control()
    {
        var options = new HttpEndpointOptions();
        Assert.Equal((IPAddress.Loopback, 0), options.Parse());
        Assert.False(options.ClockControl);
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("0.0.0.0:0", "0.0.0.0", 0)]
    [InlineData("10.1.2.3:65535", "10.1.2.3", 65535)]
    [InlineData("*:9090", "0.0.0.0", 9090)]
    [InlineData("+:9090", "0.0.0.0", 9090)]
    [InlineData("localhost:1", "127.0.0.1", 1)]
    [InlineData("LocalHost:2", "127.0.0.1", 2)]
    [InlineData("[::1]:443", "::1", 443)]
    [InlineData("[::]:0", "::", 0)]
    [InlineData("[fe80::1]:80", "fe80::1", 80)]
    public void Good_addresses_parse(string listen, string address, int port)
    {
        var (parsedAddress, parsedPort) = new HttpEndpointOptions(listen).Parse();
        Assert.Equal(IPAddress.Parse(address), parsedAddress);
        Assert.Equal(port, parsedPort);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8080")]
    [InlineData(":8080")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:99999999999")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("127.0.0.1:+80")]
    [InlineData("127.0.0.1: 80")]
    [InlineData("127.0.0.1:80 ")]
    [InlineData("127.0.0.1:8o")]
    [InlineData("metrics.local:80")]
    [InlineData("127.1:80")]
    [InlineData("10:80")]
    [InlineData("256.0.0.1:80")]
    [InlineData("::1:80")]
    [InlineData("[::1]")]
    [InlineData("[::1:80")]
    [InlineData("[]:80")]
    [InlineData("[127.0.0.1]:80")]
    [InlineData("[not-v6]:80")]
    public void Bad_addresses_throw_naming_the_value(string listen)
    {
        var e = Assert.Throws<FormatException>(() => new HttpEndpointOptions(listen).Parse());
        Assert.Contains($"'{listen}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[::1]", "is not HOST:PORT")]
    [InlineData("127.0.0.1:70000", "is not HOST:PORT")]
    [InlineData("::1:80", "in brackets")]
    [InlineData("[127.0.0.1]:80", "'[127.0.0.1]' is not an IPv6 address")]
    [InlineData("metrics.local:80", "'metrics.local' is not an IP address")]
    public void Bad_addresses_say_what_is_wrong(string listen, string why)
    {
        var e = Assert.Throws<FormatException>(() => new HttpEndpointOptions(listen).Parse());
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
