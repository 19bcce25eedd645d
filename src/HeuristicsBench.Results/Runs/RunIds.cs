using System.Globalization;
using System.Text;
using HeuristicsBench.Experiments;

namespace HeuristicsBench.Results.Runs;

/// <summary>
/// The id of a run, used for its directory and file names: <c>NN-scenario[-sweepvalue]-iN</c> with every character
/// other than letters, digits, '-', '_' and '.' replaced by '_' (docs/results.md).
/// </summary>
public static class RunIds
{
    public static string For(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.Append(run.Index.ToString("00", CultureInfo.InvariantCulture)).Append('-').Append(run.Scenario);
        if (run.SweepValue is { } value)
            text.Append('-').Append(value.ToString());
        text.Append("-i").Append(run.Iteration.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                text[i] = '_';
        }
        return text.ToString();
    }
}
