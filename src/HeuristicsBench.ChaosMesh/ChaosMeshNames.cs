using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// Names and labels of the objects this backend creates. Names are DNS-1123 labels (lowercase letters, digits, '-',
/// at most 63) so that Chaos Mesh can derive names from them; the run label carries the run id so leftovers of a run
/// can be listed and deleted.
/// </summary>
public static class ChaosMeshNames
{
    public const string RunLabel = "heuristics-bench/run";
    public const string FaultLabel = "heuristics-bench/fault";
    public const string RepetitionLabel = "heuristics-bench/repetition";
    private const int MaxLabel = 63;

    /// <summary>The object for one repetition of one fault: <c>hb-RUN-HASH-fIrR</c>.</summary>
    public static string ForWindow(string runId, int faultIndex, int repetition) =>
        Compose(runId, string.Create(CultureInfo.InvariantCulture, $"f{faultIndex}r{repetition}"));

    /// <summary>The Schedule that fires the repetitions after the first: <c>hb-RUN-HASH-fIs</c>. Kept short: Chaos Mesh names its children after it.</summary>
    public static string ForSchedule(string runId, int faultIndex) =>
        Compose(runId, string.Create(CultureInfo.InvariantCulture, $"f{faultIndex}s"));

    /// <summary>The run id as a label value (at most 63 characters; long or unusual ids are shortened with a hash).</summary>
    public static string RunLabelValue(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var clean = new StringBuilder(runId.Length);
        foreach (var c in runId)
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var text = clean.ToString().Trim('-', '_', '.');
        if (text.Length == runId.Length && text.Length <= MaxLabel)
            return text;
        var hash = Hash(runId);
        var head = text.Length > MaxLabel - 9 ? text[..(MaxLabel - 9)].TrimEnd('-', '_', '.') : text;
        return head.Length == 0 ? hash : head + "-" + hash;
    }

    /// <summary>The labels of every object of a run.</summary>
    public static Dictionary<string, string> Labels(string runId, int faultIndex, int? repetition)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RunLabel] = RunLabelValue(runId),
            [FaultLabel] = faultIndex.ToString(CultureInfo.InvariantCulture),
        };
        if (repetition is { } r)
            labels[RepetitionLabel] = r.ToString(CultureInfo.InvariantCulture);
        return labels;
    }

    /// <summary>The label selector that finds every object of a run.</summary>
    public static string RunSelector(string runId) => RunLabel + "=" + RunLabelValue(runId);

    private static string Compose(string runId, string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var readable = new StringBuilder();
        foreach (var c in runId.ToLowerInvariant())
        {
            var d = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (d == '-' && (readable.Length == 0 || readable[^1] == '-'))
                continue;
            readable.Append(d);
        }
        // the hash keeps names of different runs apart even when their readable part is cut short
        const int Budget = 32 - 3;
        var head = readable.ToString().Trim('-');
        if (head.Length > Budget - 9)
            head = head[..(Budget - 9)].TrimEnd('-');
        var name = "hb-" + (head.Length > 0 ? head + "-" : "") + Hash(runId) + "-" + suffix;
        return name;
    }

    private static string Hash(string text) =>
        XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(text)).ToString("x8", CultureInfo.InvariantCulture);
}
