using System.ComponentModel;

namespace EmbeddedKafka.Tests.Interop;

/// <summary>
/// kcat (librdkafka's command-line client, Debian package <c>kcat</c>) on PATH. Tests call
/// <see cref="SkipUnlessInstalled"/> so that a machine without it shows why they did not run.
/// </summary>
public static class Kcat
{
    private static readonly Lazy<(string? Version, string? Missing)> Probe = new(() =>
    {
        try
        {
            var result = ExternalProcess.RunAsync("kcat", ["-V"], hangGuard: TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
            return result.ExitCode == 0
                ? (result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("Version", StringComparison.Ordinal))?.Trim(), null)
                : (null, $"`kcat -V` failed: {result}");
        }
        catch (Win32Exception e)
        {
            return (null, $"kcat is not installed ({e.Message}); `apt-get install kcat` (.ci/run does)");
        }
    });

    /// <summary>The "Version ..." line of <c>kcat -V</c>.</summary>
    public static string? Version => Probe.Value.Version;

    public static void SkipUnlessInstalled()
    {
        if (Probe.Value.Missing is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Runs kcat and fails the test (showing its output) unless it exits 0.</summary>
    public static async Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? standardInput = null)
    {
        var result = await ExternalProcess.RunAsync("kcat", arguments, standardInput, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"kcat {string.Join(' ', arguments)}: {result}");
        return result;
    }
}
