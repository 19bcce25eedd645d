using System.Globalization;
using HeuristicsBench.EventLogs;
using HeuristicsMiner.Mining;

namespace HeuristicsMiner.Cli;

/// <summary>
/// Runs <c>mine</c> with user-facing error handling: bad input gives one line on standard error and exit
/// code 2, and the output file is either fully written or left as it was.
/// </summary>
public static class MineCli
{
    public static int Run(MineSettings settings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (settings.Output is { } target)
        {
            if (Directory.Exists(target))
                return Fail(stderr, $"--output {target}: is a directory");
            if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } directory && !Directory.Exists(directory))
                return Fail(stderr, $"--output {target}: directory {directory} does not exist");
        }
        if (!File.Exists(settings.Input))
            return Fail(stderr, $"{settings.Input}: no such file");

        MineResult result;
        try
        {
            result = OfflineMiner.Run(settings, settings.Quiet ? null : (events, elapsed) =>
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"… {events:N0} events in {elapsed.TotalSeconds:F1} s ({events / elapsed.TotalSeconds:N0} events/s)")));
        }
        catch (EventLogFormatException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"{settings.Input}: cannot read: {e.Message}");
        }

        if (settings.Output is { } path)
        {
            try
            {
                AtomicFile.Write(path, stream => ModelExporter.Write(result.Model, settings.Format, stream, settings.Indent));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(stderr, $"--output {path}: cannot write: {e.Message}");
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            ModelExporter.Write(result.Model, settings.Format, buffer, settings.Indent);
            stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            stdout.Flush();
        }

        if (!settings.Quiet)
        {
            var net = result.Model.Net;
            var wrote = settings.Output is null ? "" : $"; wrote {settings.Output}";
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mined {result.Events:N0} events in {result.Elapsed.TotalSeconds:F3} s ({result.EventsPerSecond:N0} events/s): {net.Nodes.Count} activities, {net.Arcs.Count} arcs, {result.Entries:N0} summary entries{wrote}"));
        }
        return ExitCodes.Success;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
