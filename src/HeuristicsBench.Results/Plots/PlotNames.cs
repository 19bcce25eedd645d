using System.Text;
using HeuristicsBench.Experiments;

namespace HeuristicsBench.Results.Plots;

/// <summary>
/// File names of the plots under <c>plots/</c>: <c>&lt;run-id&gt;.png</c>, and per swept scenario
/// <c>recovery-vs-&lt;scenario&gt;-&lt;parameter&gt;.png</c> and <c>fidelity-vs-&lt;scenario&gt;-&lt;parameter&gt;.png</c>
/// (characters other than letters, digits, '-', '_' and '.' become '_', as in run ids).
/// </summary>
public static class PlotNames
{
    public const string Directory = "plots";

    public static string Run(string runId) => runId + ".png";

    public static string Recovery(Scenario scenario) => "recovery-vs-" + SweepName(scenario) + ".png";

    public static string Fidelity(Scenario scenario) => "fidelity-vs-" + SweepName(scenario) + ".png";

    /// <summary>The x-axis label of a swept scenario's plots: the path, in ms for durations.</summary>
    public static string SweepLabel(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sweep = scenario.Sweep ?? throw new ArgumentException($"Scenario '{scenario.Name}' has no sweep.", nameof(scenario));
        return sweep.Values.Any(v => v is FaultParameterValue.DurationValue) ? $"{sweep.Path} (ms)" : sweep.Path;
    }

    private static string SweepName(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sweep = scenario.Sweep ?? throw new ArgumentException($"Scenario '{scenario.Name}' has no sweep.", nameof(scenario));
        var text = new StringBuilder(scenario.Name).Append('-').Append(sweep.Parameter);
        for (var i = 0; i < text.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.'))
                text[i] = '_';
        }
        return text.ToString();
    }
}
