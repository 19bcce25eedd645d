using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace HeuristicsBench.ServiceHost.Tests.Support;

/// <summary>A <see cref="ServiceEndpoint"/> on a free loopback port with its own registry, health, fake-time clock and client.</summary>
internal sealed class RunningEndpoint : IAsyncDisposable
{
    private RunningEndpoint(ServiceEndpoint endpoint, CollectorRegistry registry, ServiceHealth health, FakeTimeProvider time, AdjustableClock clock)
    {
        Endpoint = endpoint;
        Registry = registry;
        Health = health;
        Time = time;
        Clock = clock;
        Http = new HttpClient { BaseAddress = new Uri(endpoint.BaseAddress) };
    }

    public ServiceEndpoint Endpoint { get; }
    public CollectorRegistry Registry { get; }
    public ServiceHealth Health { get; }
    public FakeTimeProvider Time { get; }
    public AdjustableClock Clock { get; }
    public HttpClient Http { get; }

    public static async Task<RunningEndpoint> StartAsync(bool clockControl = false, string listen = "127.0.0.1:0")
    {
        var registry = Metrics.NewCustomRegistry();
        var health = new ServiceHealth();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new AdjustableClock(time);
        var endpoint = await ServiceEndpoint.StartAsync(new HttpEndpointOptions(listen, clockControl), registry, health, clock,
            cancellation: TestContext.Current.CancellationToken);
        return new RunningEndpoint(endpoint, registry, health, time, clock);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Endpoint.DisposeAsync();
    }
}
