namespace HeuristicsBench.EventLogs.Tests;

public class TimestampParserTests
{
    [Theory]
    [InlineData("2010-12-30 11:02:00", 2010, 12, 30, 11, 2, 0, 0, 0)]
    [InlineData("2010-12-30T11:02:00", 2010, 12, 30, 11, 2, 0, 0, 0)]
    [InlineData("2010-12-30t11:02:00z", 2010, 12, 30, 11, 2, 0, 0, 0)]
    [InlineData("2010-12-30T11:02:00.000+01:00", 2010, 12, 30, 11, 2, 0, 0, 60)]
    [InlineData("2010-12-30T11:02:00.5-02:30", 2010, 12, 30, 11, 2, 0, 5_000_000, -150)]
    [InlineData("2010-12-30T11:02:00,1234567+0100", 2010, 12, 30, 11, 2, 0, 1_234_567, 60)]
    [InlineData("2010-12-30T11:02:00.123456789Z", 2010, 12, 30, 11, 2, 0, 1_234_567, 0)]
    [InlineData("2010-12-30T11:02+05", 2010, 12, 30, 11, 2, 0, 0, 300)]
    [InlineData("2010-12-30T11:02", 2010, 12, 30, 11, 2, 0, 0, 0)]
    [InlineData("2010-12-30", 2010, 12, 30, 0, 0, 0, 0, 0)]
    [InlineData("  2012-02-29T23:59:59Z ", 2012, 2, 29, 23, 59, 59, 0, 0)]
    [InlineData("0001-01-01T00:00:00Z", 1, 1, 1, 0, 0, 0, 0, 0)]
    [InlineData("9999-12-31T23:59:59.9999999", 9999, 12, 31, 23, 59, 59, 9_999_999, 0)]
    [InlineData("2000-01-01T00:00:00+14:00", 2000, 1, 1, 0, 0, 0, 0, 840)]
    public void Parses(string text, int year, int month, int day, int hour, int minute, int second, long ticks, int offsetMinutes)
    {
        Assert.True(TimestampParser.TryParse(text, out var value));

        var offset = TimeSpan.FromMinutes(offsetMinutes);
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks), value);
        Assert.Equal(offset, value.Offset);
    }

    [Fact]
    public void Hour_24_is_the_end_of_the_day()
    {
        Assert.True(TimestampParser.TryParse("2020-12-31T24:00:00Z", out var value));

        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2010-12-30X11:02:00")]
    [InlineData("2010-13-01")]
    [InlineData("2010-02-29")]
    [InlineData("2010-12-32")]
    [InlineData("2010-12-30T25:00:00")]
    [InlineData("2010-12-30T24:00:01")]
    [InlineData("2010-12-30T11:60:00")]
    [InlineData("2010-12-30T11:02:60")]
    [InlineData("2010-12-30T11:02:00.")]
    [InlineData("2010-12-30T11:02:00+15:00")]
    [InlineData("2010-12-30T11:02:00+01:60")]
    [InlineData("2010-12-30T11:02:00+1")]
    [InlineData("2010-12-30T11:02:00 +01:00")]
    [InlineData("2010-12-30T11")]
    [InlineData("2010-12-30T")]
    [InlineData("10-12-30")]
    [InlineData("30/12/2010 11:02")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2010-12-30T11:02:00Zjunk")]
    [InlineData("１２３４-12-30")]
    public void Rejects(string text)
    {
        Assert.False(TimestampParser.TryParse(text, out _));
    }
}
