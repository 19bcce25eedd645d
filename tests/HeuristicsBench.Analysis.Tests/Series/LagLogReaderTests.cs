using HeuristicsBench.Analysis.Series;

namespace HeuristicsBench.Analysis.Tests.Series;

public sealed class LagLogReaderTests
{
    private static LagSeries Read(string text) => LagLogReader.Read(new StringReader(text), "lag.log");

    private static LagLogFormatException Bad(string text) => Assert.Throws<LagLogFormatException>(() => Read(text));

    [Fact]
    public void Rows_are_read_in_file_order_with_their_times_and_values()
    {
        var series = Read("Metric,Time,Value\nLag_Input_Topic,1734566900.98,2972\nLag_Input_Topic,1734566902.98,0\nLag_Input_Topic,1734566901.5,7.5\n");
        Assert.Equal([1734566900.98, 1734566902.98, 1734566901.5], series.Times.ToArray());
        Assert.Equal([2972, 0, 7.5], series.Values.ToArray());
        Assert.False(series.IsTimeOrdered);
    }

    [Fact]
    public void A_header_only_log_is_an_empty_series()
    {
        Assert.Equal(0, Read("Metric,Time,Value\n").Count);
    }

    [Fact]
    public void Empty_lines_and_CRLF_line_ends_are_accepted()
    {
        var series = Read("Metric,Time,Value\r\n\r\nm,1,2\r\n\r\nm,2,3\r\n");
        Assert.Equal([2, 3], series.Values.ToArray());
    }

    [Fact]
    public void A_wrong_header_names_line_1()
    {
        var e = Bad("Time,Value\n1,2\n");
        Assert.Equal(("lag.log", 1), (e.LogName, e.Line));
        Assert.StartsWith("lag.log:1: expected the header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_text_has_no_header()
    {
        Assert.Equal(1, Bad(string.Empty).Line);
    }

    [Theory]
    [InlineData("m,1\n", "expected 3 fields")]
    [InlineData("m,1,2,3\n", "expected 3 fields")]
    [InlineData("m,one,2\n", "Time 'one' is not a finite number")]
    [InlineData("m,1,\n", "Value '' is not a finite number")]
    [InlineData("m,1,NaN\n", "Value 'NaN' is not a finite number")]
    [InlineData("m,Infinity,1\n", "Time 'Infinity' is not a finite number")]
    [InlineData(",1,2\n", "the metric name is empty")]
    [InlineData("other,1,2\n", "metric 'other' differs from 'm'")]
    public void A_malformed_row_names_its_line(string badRow, string reason)
    {
        var e = Bad("Metric,Time,Value\nm,0,1\n\n" + badRow);
        Assert.Equal(4, e.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Equal($"lag.log:4: {e.Reason}", e.Message);
    }
}
