using HeuristicsBench.Analysis.Paper;
using HeuristicsBench.Analysis.Reports;
using HeuristicsBench.Analysis.Series;

namespace ChaosRunner.Analyze;

/// <summary>
/// <c>analyze DIR</c>: reads every matching lag log (ordinal order of file names), applies the paper's
/// recovery-time method to each and prints a table or CSV. All logs are read before anything is printed, so bad
/// input produces one error line on standard error, nothing on standard output, and exit code 2.
/// </summary>
public static class AnalyzeCli
{
    public static int Run(AnalyzeSettings settings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!Directory.Exists(settings.Directory))
            return Fail(stderr, $"directory not found: {settings.Directory}");

        string[] files;
        try
        {
            var enumeration = new EnumerationOptions { MatchType = MatchType.Simple, RecurseSubdirectories = false };
            files = Directory.GetFiles(settings.Directory, settings.Pattern, enumeration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(stderr, $"{settings.Directory}: {e.Message}");
        }

        if (files.Length == 0)
            return Fail(stderr, $"no files matching '{settings.Pattern}' in {settings.Directory}");
        Array.Sort(files, StringComparer.Ordinal);

        var logs = new List<AnalyzedLog>(files.Length);
        foreach (var path in files)
        {
            LagSeries series;
            try
            {
                using var reader = new StreamReader(path);
                series = LagLogReader.Read(reader, path);
            }
            catch (LagLogFormatException e)
            {
                return Fail(stderr, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(stderr, $"{path}: {e.Message}");
            }

            logs.Add(new AnalyzedLog(Path.GetFileName(path), PaperRecoveryMethod.Analyze(series, settings.Options)));
        }

        if (settings.Format == AnalyzeFormat.Csv)
            RecoveryCsv.Write(stdout, logs);
        else
            RecoveryTable.Write(stdout, logs, settings.Options);
        stdout.Flush();
        return ExitCodes.Success;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
