using HeuristicsBench.Prometheus.Api;

namespace HeuristicsBench.Prometheus.Tests;

public sealed class PrometheusResponseTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("-1.5", -1.5)]
    [InlineData("1e+06", 1e6)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    public void Sample_values_are_read_as_prometheus_writes_them(string text, double expected) =>
        Assert.Equal(expected, PrometheusResponse.ParseValue(text));

    [Fact]
    public void NaN_is_read_and_garbage_is_refused()
    {
        Assert.True(double.IsNaN(PrometheusResponse.ParseValue("NaN")));
        Assert.Throws<FormatException>(() => PrometheusResponse.ParseValue("one"));
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}}""", "not [unixSeconds, \"value\"]")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"x"]]}]}}""", "\"x\" is not a Prometheus sample value")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"histograms":[]}]}}""", "native histograms")]
    [InlineData("""{"status":"success"}""", "without data.resultType")]
    [InlineData("""{"status":"pending"}""", "without \"status\":\"success\"")]
    [InlineData("<html>", "not JSON")]
    public void Malformed_answers_are_errors_naming_the_query_and_the_problem(string body, string problem)
    {
        var e = Assert.Throws<PrometheusQueryException>(() => PrometheusResponse.ParseMatrix("q", 200, body));
        Assert.StartsWith("Prometheus query `q`: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
