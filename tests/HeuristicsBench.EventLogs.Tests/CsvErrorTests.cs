namespace HeuristicsBench.EventLogs.Tests;

/// <summary>Every problem in a CSV file is an <see cref="EventLogFormatException"/> naming the file and the physical line.</summary>
public class CsvErrorTests
{
    private static EventLogFormatException ReadFails(string content, out string path)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.csv", content);
        path = file;
        return Assert.Throws<EventLogFormatException>(() => EventLogReader.Read(file).ToList());
    }

    [Fact]
    public void Missing_case_column_names_it_and_the_header_at_line_1()
    {
        var ex = ReadFails("case,activity,timestamp\n1,a,\n", out var path);

        Assert.Equal(path, ex.FilePath);
        Assert.Equal(1, ex.Line);
        Assert.Null(ex.Column);
        Assert.Equal(
            $"{path}:1: missing required column 'case_id' (or 'case:concept:name'); header found: 'case','activity','timestamp'",
            ex.Message);
    }

    [Fact]
    public void Missing_activity_column_is_reported()
    {
        var ex = ReadFails("case_id,Activity\n1,a\n", out var path);

        Assert.StartsWith($"{path}:1: missing required column 'activity' (or 'concept:name')", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Activity'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_both_columns_names_both()
    {
        var ex = ReadFails("x\n1\n", out _);

        Assert.Contains("'case_id'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'activity'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_needs_a_header()
    {
        var ex = ReadFails(string.Empty, out var path);

        Assert.Equal($"{path}: empty file; a header row is required", ex.Message);
        Assert.Null(ex.Line);
    }

    [Fact]
    public void Empty_case_id_names_the_line()
    {
        var ex = ReadFails("case_id,activity\n1,a\n,b\n", out var path);

        Assert.Equal(3, ex.Line);
        Assert.Equal($"{path}:3: empty case id", ex.Message);
    }

    [Fact]
    public void Blank_case_id_is_empty()
    {
        var ex = ReadFails("case_id,activity\n  ,b\n", out _);

        Assert.Equal(2, ex.Line);
        Assert.Contains("empty case id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_activity_names_the_line()
    {
        var ex = ReadFails("case_id,activity,timestamp\n1,a,\n1,\"\",2020-01-01 00:00:00\n", out var path);

        Assert.Equal($"{path}:3: empty activity", ex.Message);
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quoted_fields()
    {
        var ex = ReadFails("case_id,activity\n\"multi\nline\ncase\",a\n\"x\",\"b\r\nc\"\n2,\n", out var path);

        Assert.Equal(7, ex.Line);
        Assert.Equal($"{path}:7: empty activity", ex.Message);
    }

    [Fact]
    public void Error_in_a_multi_line_row_names_the_line_where_it_starts()
    {
        var ex = ReadFails("case_id,activity\n1,a\n\"\",\"b\nc\"\n", out _);

        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Short_row_names_the_line()
    {
        var ex = ReadFails("case_id,activity,timestamp\n1,a,\n\n1,b\n", out var path);

        Assert.Equal($"{path}:4: row has 2 field(s) but the header has 3", ex.Message);
    }

    [Fact]
    public void Long_row_names_the_line()
    {
        var ex = ReadFails("case_id,activity\n1,Send, reminder\n", out var path);

        Assert.Equal($"{path}:2: row has 3 field(s) but the header has 2", ex.Message);
    }

    [Fact]
    public void Bad_timestamp_names_the_line_and_the_value()
    {
        var ex = ReadFails("case_id,activity,timestamp\n1,a,2020-01-01 00:00:00\n1,b,30/12/2010 11:02\n", out var path);

        Assert.Equal($"{path}:3: invalid timestamp '30/12/2010 11:02'", ex.Message);
    }

    [Fact]
    public void Bad_timestamp_with_a_line_break_stays_on_one_line()
    {
        var ex = ReadFails("case_id,activity,timestamp\n1,a,\"2020-01-01\n00:00\"\n", out var path);

        Assert.Equal($"{path}:2: invalid timestamp '2020-01-01\\n00:00'", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Stray_quote_is_malformed()
    {
        var ex = ReadFails("case_id,activity\n1,a\n1,b\"c\n", out var path);

        Assert.Equal(3, ex.Line);
        Assert.StartsWith($"{path}:3: malformed CSV: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_is_malformed()
    {
        var ex = ReadFails("case_id,activity\n1,a\n2,\"b\n3,c\n", out var path);

        Assert.Equal(3, ex.Line);
        Assert.StartsWith($"{path}:3: malformed CSV: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("latin1.csv", [.. "case_id,activity\n1,"u8, 0xE9, 0x74, 0xE9, (byte)'\n']);

        var ex = Assert.Throws<EventLogFormatException>(() => EventLogReader.Read(path).ToList());

        Assert.Equal(2, ex.Line);
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }
}
