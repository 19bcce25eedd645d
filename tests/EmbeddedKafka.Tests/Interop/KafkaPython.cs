using System.ComponentModel;
using System.Text.Json;

namespace EmbeddedKafka.Tests.Interop;

/// <summary>
/// kafka-python (Debian package <c>python3-kafka</c>) driven through <c>kafka_python_client.py</c>, which prints
/// one JSON object per run. The first of <c>python3</c> on PATH and <c>/usr/bin/python3</c> that can
/// <c>import kafka</c> is used (a pyenv python3 on PATH does not see Debian's dist-packages).
/// </summary>
public static class KafkaPython
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Interop", "kafka_python_client.py");

    private static readonly Lazy<(string? Python, string? Version, string? Missing)> Probe = new(() =>
    {
        var reasons = new List<string>();
        foreach (string python in (string[])["python3", "/usr/bin/python3"])
        {
            try
            {
                var result = ExternalProcess.RunAsync(python, [Script, "version"], hangGuard: TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
                if (result.ExitCode == 0)
                {
                    using var json = JsonDocument.Parse(result.StandardOutput);
                    return (python, json.RootElement.GetProperty("version").GetString(), null);
                }

                reasons.Add($"{python}: {result.StandardError.Trim().Split('\n')[^1]}");
            }
            catch (Win32Exception e)
            {
                reasons.Add($"{python}: {e.Message}");
            }
        }

        return (null, null, $"no python3 with kafka-python ({string.Join("; ", reasons)}); `apt-get install python3-kafka` (.ci/run does)");
    });

    public static string? Version => Probe.Value.Version;

    public static void SkipUnlessInstalled()
    {
        if (Probe.Value.Missing is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Runs one mode of the script and returns its JSON; fails the test (showing its output) unless it exits 0.</summary>
    public static async Task<JsonElement> RunAsync(params string[] arguments)
    {
        var result = await ExternalProcess.RunAsync(
            Probe.Value.Python ?? "python3", [Script, .. arguments], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"kafka_python_client.py {string.Join(' ', arguments)}: {result}");
        using var json = JsonDocument.Parse(result.StandardOutput);
        // Responses kafka-python did not decode to the last byte: a field the version asked does not have.
        Assert.Equal([], json.RootElement.GetProperty("undecoded").EnumerateArray().Select(e => e.GetString()!)
            .Where(e => !e.StartsWith(KnownClientBug, StringComparison.Ordinal)));
        return json.RootElement.Clone();
    }

    /// <summary>
    /// kafka-python 2.0.2 declares DescribeGroupsRequest_v3's response type as DescribeGroupsResponse_v2, so it
    /// leaves the v3 field authorized_operations (int32, per group, DescribeGroupsResponse.json) unread. Its
    /// admin client describes one group per request, so the 4 bytes are the last ones and nothing else moves.
    /// </summary>
    private const string KnownClientBug = "DescribeGroupsRequest_v3 -> DescribeGroupsResponse_v2:";
}
