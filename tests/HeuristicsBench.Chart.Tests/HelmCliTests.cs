using System.Diagnostics;
using HeuristicsBench.Chart.Tests.Support;

namespace HeuristicsBench.Chart.Tests;

/// <summary>helm lint and helm template for each Kafka mode, where helm is installed (skipped otherwise).</summary>
public sealed class HelmCliTests
{
    public static TheoryData<string> Modes() => new(ChartUnderTest.Modes);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Helm_lint_and_template_accept_the_chart(string mode)
    {
        var helm = FindHelm();
        if (helm is null)
            Assert.Skip("helm is not on PATH here; the subset renderer's tests stand in for helm lint / helm template");
        string[] settings = ["--set", $"kafka.mode={mode}", "--set", "kafka.external.bootstrap=kafka.example:9092"];
        var lint = Run(helm, ["lint", ChartUnderTest.Directory, .. settings]);
        Assert.True(lint.Code == 0, $"helm lint ({mode}) exit {lint.Code}:\n{lint.Output}");
        var template = Run(helm, ["template", "hb", ChartUnderTest.Directory, "--namespace", "bench", .. settings]);
        Assert.True(template.Code == 0, $"helm template ({mode}) exit {template.Code}:\n{template.Output}");
        Assert.Contains("kind: Deployment", template.Output, StringComparison.Ordinal);
    }

    private static string? FindHelm() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "helm")).FirstOrDefault(File.Exists);

    private static (int Code, string Output) Run(string helm, string[] args)
    {
        var start = new ProcessStartInfo(helm) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            return (-1, "timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
