using HeuristicsBench.Prometheus.Queries;

namespace HeuristicsBench.Prometheus.Tests;

public sealed class LabelSelectorTests
{
    [Fact]
    public void Values_are_escaped_in_promql_string_syntax() =>
        Assert.Equal("m{a=\"x\\\"y\\\\z\\nw\"}", LabelSelector.Of(("a", "x\"y\\z\nw")).Select("m"));

    [Fact]
    public void With_appends_matchers_in_order() =>
        Assert.Equal("m{b=\"1\",a=\"2\"}", LabelSelector.Of(("b", "1")).With(("a", "2")).Select("m"));

    [Theory]
    [InlineData("1job")]
    [InlineData("kube-namespace")]
    [InlineData("")]
    public void Invalid_label_names_are_refused(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => LabelSelector.Of((name, "v")));
        Assert.Contains("is not a Prometheus label name", e.Message, StringComparison.Ordinal);
    }
}
