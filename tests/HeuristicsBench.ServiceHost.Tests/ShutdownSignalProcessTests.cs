using System.Net;
using HeuristicsBench.ServiceHost.Tests.Support;

namespace HeuristicsBench.ServiceHost.Tests;

/// <summary>Real signals, sent to a child process that runs a <see cref="ServiceEndpoint"/> with a <see cref="ShutdownSignal"/>.</summary>
public class ShutdownSignalProcessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_sigterm_starts_the_stop_with_the_endpoint_still_up_and_a_second_ends_the_process()
    {
        using var probe = await StartProbeAsync();
        probe.Process.Signal(PosixKill.SIGTERM);
        Assert.Equal("stopping SIGTERM", await probe.Process.ReadLineAsync());
        // the endpoint outlives the first signal: the service can still say it is going away
        using (var readyz = await probe.Http.GetAsync("/readyz", Cancel))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
            Assert.Equal("not ok: shutting down\n", await readyz.Content.ReadAsStringAsync(Cancel));
        }

        probe.Process.Signal(PosixKill.SIGTERM);
        var (exited, output) = await probe.Process.WaitForExitAsync();
        Assert.True(exited, "a second SIGTERM did not end the process: something marked it handled");
        Assert.DoesNotContain("exited cleanly", output, StringComparison.Ordinal);
        Assert.NotEqual(0, probe.Process.ExitCode);
    }

    [Fact]
    public async Task After_sigint_the_service_finishes_its_work_and_exits_cleanly()
    {
        using var probe = await StartProbeAsync();
        probe.Process.Signal(PosixKill.SIGINT);
        Assert.Equal("stopping SIGINT", await probe.Process.ReadLineAsync());
        probe.Process.Finish();
        var (exited, output) = await probe.Process.WaitForExitAsync();
        Assert.True(exited, "the probe did not exit after its work was done");
        Assert.Equal("exited cleanly\n", output);
        Assert.Equal(0, probe.Process.ExitCode);
    }

    private static async Task<RunningProbe> StartProbeAsync()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Skip("POSIX signals");
        var process = SignalProbeProcess.Start();
        try
        {
            var line = await process.ReadLineAsync();
            const string Listening = "listening ";
            Assert.StartsWith(Listening, line, StringComparison.Ordinal);
            var http = new HttpClient { BaseAddress = new Uri(line[Listening.Length..]) };
            Assert.Equal("ok: probe running\n", await http.GetStringAsync("/readyz", Cancel));
            return new RunningProbe(process, http);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    private sealed record RunningProbe(SignalProbeProcess Process, HttpClient Http) : IDisposable
    {
        public void Dispose()
        {
            Http.Dispose();
            Process.Dispose();
        }
    }
}
