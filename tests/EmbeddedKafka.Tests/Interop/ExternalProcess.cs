using System.Diagnostics;
using System.Text;

namespace EmbeddedKafka.Tests.Interop;

/// <summary>What an external client printed and how it exited.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>
/// Runs an external client (kcat, python3) to completion. Every run has a hang guard, far above what a healthy
/// run needs (it is not an assertion on duration); on that guard, on cancellation or on any exception the whole
/// process tree is killed, so no client outlives its test.
/// </summary>
public static class ExternalProcess
{
    public static readonly TimeSpan DefaultHangGuard = TimeSpan.FromSeconds(150);

    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? hangGuard = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(hangGuard ?? DefaultHangGuard);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
            var stderr = process.StandardError.ReadToEndAsync(guard.Token);
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), guard.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(guard.Token);
            return new ProcessResult(process.ExitCode, await stdout, await stderr);
        }
        catch (Exception e)
        {
            Kill(process);
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} still running after the hang guard; killed", e);
            }

            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
    }
}
