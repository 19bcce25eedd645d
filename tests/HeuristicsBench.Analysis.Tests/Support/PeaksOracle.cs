using System.Globalization;

namespace HeuristicsBench.Analysis.Tests.Support;

/// <summary>
/// One case of TestData/scipy-oracle/peaks-oracle.txt: a signal and what scipy 1.10.1 answered for it
/// (local maxima with plateau edges, prominences with bases, and the peaks kept for one minimum prominence).
/// </summary>
public sealed record PeaksOracle(
    double[] Signal,
    (int Index, int Left, int Right)[] Maxima,
    (double Value, int LeftBase, int RightBase)[] Prominences,
    double MinimumProminence,
    int[] Selected)
{
    public static IReadOnlyList<PeaksOracle> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines.Length % 4 != 0)
            throw new InvalidDataException($"{path}: expected groups of 4 lines, found {lines.Length} lines");
        var cases = new List<PeaksOracle>();
        for (int i = 0; i < lines.Length; i += 4)
        {
            var x = Fields(lines[i], "x").Select(Number).ToArray();
            var maxima = Fields(lines[i + 1], "maxima").Select(f => f.Split(':')).Select(p => (Int(p[0]), Int(p[1]), Int(p[2]))).ToArray();
            var prominences = Fields(lines[i + 2], "prominences").Select(f => f.Split(':')).Select(p => (Number(p[0]), Int(p[1]), Int(p[2]))).ToArray();
            var select = Fields(lines[i + 3], "select");
            cases.Add(new PeaksOracle(x, maxima, prominences, Number(select[0]), select.Skip(1).Select(Int).ToArray()));
        }

        return cases;
    }

    private static string[] Fields(string line, string tag)
    {
        if (!line.StartsWith(tag + " ", StringComparison.Ordinal) && line != tag)
            throw new InvalidDataException($"expected a '{tag}' line, found '{line}'");
        return line.Length <= tag.Length ? [] : line[(tag.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
