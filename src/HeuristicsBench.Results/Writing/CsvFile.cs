using CsvHelper;
using HeuristicsBench.EventLogs;

namespace HeuristicsBench.Results.Writing;

/// <summary>
/// Writes a CSV file atomically (temporary file, then rename): a header row, then text rows, UTF-8 without a byte
/// order mark, LF line ends, fields quoted only when they hold a comma, a quote or a line break.
/// </summary>
internal static class CsvFile
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n", WriteByteOrderMark = false };

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                    throw new InvalidOperationException($"{Path.GetFileName(path)}: a row has {row.Count} fields for {header.Count} columns.");
                csv.WriteRecord([.. row]);
            }
        });
    }
}
