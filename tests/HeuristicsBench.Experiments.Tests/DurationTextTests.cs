namespace HeuristicsBench.Experiments.Tests;

public class DurationTextTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2m30s", 150_000)]
    [InlineData("-10m", -600_000)]
    [InlineData("0", 0)]
    [InlineData(" 20ms ", 20)]
    public void Parses_numbers_with_units(string text, double milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(milliseconds, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("5x")]
    [InlineData("1.2.3s")]
    [InlineData("s")]
    [InlineData("10S")]
    [InlineData("5d")]
    [InlineData("99999999999999h")]
    public void Rejects_text_without_a_known_unit_or_number(string text) =>
        Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(150_000, "2m30s")]
    [InlineData(500, "500ms")]
    [InlineData(-600_000, "-10m")]
    [InlineData(3_600_000, "1h")]
    [InlineData(1_500.5, "1s500.5ms")]
    [InlineData(0, "0")]
    public void Formats_in_the_file_syntax_and_parses_back(double milliseconds, string expected)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);
        Assert.Equal(expected, DurationText.Format(value));
        Assert.True(DurationText.TryParse(expected, out var back));
        Assert.Equal(value, back);
    }
}
