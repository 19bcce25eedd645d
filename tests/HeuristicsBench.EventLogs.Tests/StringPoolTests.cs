namespace HeuristicsBench.EventLogs.Tests;

public class StringPoolTests
{
    [Fact]
    public void Equal_spans_return_the_same_instance()
    {
        var pool = new StringPool();
        var buffer = "xx-case-42-yy".ToCharArray();

        var first = pool.Intern(buffer.AsSpan(3, 7));
        var second = pool.Intern("case-42".AsSpan());
        var third = pool.Intern(new string("case-42".ToCharArray()));

        Assert.Equal("case-42", first);
        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Different_values_are_different_instances()
    {
        var pool = new StringPool();

        Assert.NotSame(pool.Intern("a".AsSpan()), pool.Intern("b".AsSpan()));
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void Empty_is_string_empty_and_not_pooled()
    {
        var pool = new StringPool();

        Assert.Same(string.Empty, pool.Intern(ReadOnlySpan<char>.Empty));
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void Pool_stays_bounded()
    {
        var pool = new StringPool(maxEntries: 100);

        for (var i = 0; i < 10_000; i++)
        {
            pool.Intern($"value-{i}".AsSpan());
            Assert.True(pool.Count <= 100);
        }

        var again = pool.Intern("fresh".AsSpan());
        Assert.Same(again, pool.Intern("fresh".AsSpan()));
    }

    [Fact]
    public void Max_entries_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StringPool(0));
    }
}
