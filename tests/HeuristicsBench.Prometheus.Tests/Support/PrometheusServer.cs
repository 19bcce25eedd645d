using System.Globalization;
using System.Text;

namespace HeuristicsBench.Prometheus.Tests.Support;

/// <summary>
/// A real Prometheus (the Debian package's /usr/bin/prometheus, or PROMETHEUS_BINARY) as a child process of its own:
/// a temporary configuration scraping the given targets every second, a temporary TSDB, listening on 127.0.0.1.
/// Never the system service. Killed and its directory removed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly LiveProcess _process;
    private readonly string _directory;

    private PrometheusServer(LiveProcess process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The Prometheus binary, or null when there is none.</summary>
    public static string? Binary()
    {
        var configured = Environment.GetEnvironmentVariable("PROMETHEUS_BINARY");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"PROMETHEUS_BINARY={configured} does not exist", configured);
        return File.Exists("/usr/bin/prometheus") ? "/usr/bin/prometheus" : null;
    }

    /// <summary>Starts Prometheus on <paramref name="port"/> scraping <paramref name="jobs"/> (job name → host:port)
    /// every second, and waits until it answers /-/ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string binary, int port, IReadOnlyDictionary<string, string> jobs)
    {
        var directory = Path.Combine(Path.GetTempPath(), "hb-prometheus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var config = new StringBuilder()
            .AppendLine("global:")
            .AppendLine("  scrape_interval: 1s")
            .AppendLine("  scrape_timeout: 900ms")
            .AppendLine("  evaluation_interval: 1s")
            .AppendLine("scrape_configs:");
        foreach (var (job, target) in jobs)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"  - job_name: {job}")
                .AppendLine("    static_configs:")
                .AppendLine(CultureInfo.InvariantCulture, $"      - targets: ['{target}']");
        }
        var configFile = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, config.ToString());
        var listen = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var process = LiveProcess.Start("prometheus", binary,
        [
            "--config.file=" + configFile,
            "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            "--web.listen-address=" + listen,
            "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, directory, new Uri($"http://{listen}/"));
        try
        {
            await server.WaitReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"prometheus exited before it was ready:\n{_process.Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "-/ready"));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"prometheus not ready within 60 s:\n{_process.Tail()}");
            await Task.Delay(200);
        }
    }

    public string Tail() => _process.Tail();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
