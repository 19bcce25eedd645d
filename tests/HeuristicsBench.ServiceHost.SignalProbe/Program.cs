using HeuristicsBench.ServiceHost;
using Prometheus;

// Runs a ServiceEndpoint and a ShutdownSignal the way a service does and reports each step on stdout, so a test
// can signal this process and watch. After the first signal it stays up until stdin closes (a real service would
// be saving its state), leaving the second signal to decide how it ends.
using var shutdown = new ShutdownSignal();
var health = new ServiceHealth();
health.SetReady(true, "probe running");
await using var endpoint = await ServiceEndpoint.StartAsync(new HttpEndpointOptions(), Metrics.NewCustomRegistry(), health, new AdjustableClock());
Console.WriteLine($"listening {endpoint.BaseAddress}");
try
{
    await Task.Delay(Timeout.Infinite, shutdown.Token);
}
catch (OperationCanceledException)
{
}
health.SetReady(false, "shutting down");
Console.WriteLine($"stopping {shutdown.Signal}");
await Console.In.ReadToEndAsync();
Console.WriteLine("exited cleanly");
