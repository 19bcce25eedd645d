using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using HeuristicsBench.FaultProxy;

namespace ChaosRunner.Proxy;

/// <summary>
/// <c>proxy</c>: runs the TCP fault proxy (Toxiproxy's model and HTTP API) until SIGTERM or Ctrl-C. Prints
/// <c>api http://HOST:PORT</c>, one <c>proxy NAME LISTEN upstream UPSTREAM</c> line per proxy from --config, then
/// <c>ready</c> on standard output, so a parent process learns the ports also when they are 0.
/// </summary>
public static class ProxyCommand
{
    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "HOST:PORT of the HTTP API (port 0 picks a free port)", DefaultValueFactory = _ => "127.0.0.1:8474" };
        var config = new Option<string?>("--config") { Description = "JSON array of proxies {name, listen, upstream, enabled} to create at start" };
        var seed = new Option<int?>("--seed") { Description = "Seed for toxicity draws, jitter and slice sizes (default: random)" };
        var command = new Command("proxy", "Run the TCP fault proxy (Toxiproxy model and HTTP API) until SIGTERM or Ctrl-C.") { api, config, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IPEndPoint apiEndPoint;
            IReadOnlyList<ProxyConfig> proxies;
            try
            {
                var apiAddress = HostPort.Parse(parse.GetValue(api)!, "--api");
                if (!IPAddress.TryParse(apiAddress.Host, out var address))
                    throw new FaultProxyException(FaultProxyErrorKind.BadRequest, $"--api needs an IP address, got '{apiAddress.Host}'");
                apiEndPoint = new IPEndPoint(address, apiAddress.Port);
                string? path = parse.GetValue(config);
                proxies = path is null ? [] : ProxyJson.ParseConfig(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is FaultProxyException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            return await RunAsync(apiEndPoint, proxies, parse.GetValue(seed), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(IPEndPoint apiEndPoint, IReadOnlyList<ProxyConfig> proxies, int? seed, CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var registration = cancellationToken.Register(() => stop.TrySetResult());
        using var server = new FaultProxyServer(seed);
        try
        {
            foreach (var proxy in proxies)
                server.Create(proxy);
        }
        catch (FaultProxyException e)
        {
            await Console.Error.WriteLineAsync($"error: --config: {e.Message}").ConfigureAwait(false);
            return e.Kind == FaultProxyErrorKind.ListenFailed ? ExitCodes.Failure : ExitCodes.BadInput;
        }

        FaultProxyApi http;
        try
        {
            http = await FaultProxyApi.StartAsync(server, apiEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (http.ConfigureAwait(false))
        {
            Console.Out.WriteLine($"api {http.BaseAddress}");
            foreach (var proxy in server.List())
                Console.Out.WriteLine($"proxy {proxy.Name} {proxy.Listen} upstream {proxy.Upstream}{(proxy.Enabled ? "" : " disabled")}");
            Console.Out.WriteLine("ready");
            Console.Out.Flush();
            await stop.Task.ConfigureAwait(false);
            await Console.Error.WriteLineAsync("proxy: stopping on signal").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
