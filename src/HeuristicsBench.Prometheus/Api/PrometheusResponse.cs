using System.Globalization;
using System.Text.Json;

namespace HeuristicsBench.Prometheus.Api;

/// <summary>
/// Reads the JSON envelope of Prometheus's HTTP API (<c>{"status":"success","data":{"resultType":..,"result":..}}</c>
/// or <c>{"status":"error","errorType":..,"error":..}</c>). Pure: text in, results or a
/// <see cref="PrometheusQueryException"/> naming the query out.
/// </summary>
public static class PrometheusResponse
{
    /// <summary>The series of a <c>matrix</c> result (what query_range answers).</summary>
    public static IReadOnlyList<RangeSeries> ParseMatrix(string query, int httpStatus, string body)
    {
        var (resultType, result) = Data(query, httpStatus, body);
        if (resultType != "matrix")
            throw new PrometheusQueryException(query, $"expected a matrix result, got {resultType}");
        var series = new List<RangeSeries>(result.GetArrayLength());
        foreach (var item in result.EnumerateArray())
        {
            var labels = Labels(query, item);
            if (!item.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                // a native-histogram series has "histograms" instead; our metrics are classic histograms
                throw new PrometheusQueryException(query, "a matrix series without \"values\" (native histograms are not read)");
            }
            var points = new List<SeriesPoint>(values.GetArrayLength());
            foreach (var pair in values.EnumerateArray())
                points.Add(Point(query, pair));
            series.Add(new RangeSeries(labels, points));
        }
        return series;
    }

    /// <summary>The samples of a <c>vector</c> result, or the one value of a <c>scalar</c> result (what query answers).</summary>
    public static IReadOnlyList<InstantSample> ParseInstant(string query, int httpStatus, string body)
    {
        var (resultType, result) = Data(query, httpStatus, body);
        switch (resultType)
        {
            case "vector":
                var samples = new List<InstantSample>(result.GetArrayLength());
                foreach (var item in result.EnumerateArray())
                {
                    if (!item.TryGetProperty("value", out var value))
                        throw new PrometheusQueryException(query, "a vector sample without \"value\" (native histograms are not read)");
                    samples.Add(new InstantSample(Labels(query, item), Point(query, value)));
                }
                return samples;
            case "scalar":
                return [new InstantSample(new Dictionary<string, string>(), Point(query, result))];
            default:
                throw new PrometheusQueryException(query, $"expected a vector or scalar result, got {resultType}");
        }
    }

    /// <summary>A sample value as Prometheus writes it: a decimal string, "NaN", "+Inf" or "-Inf".</summary>
    public static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"\"{text}\" is not a Prometheus sample value"),
    };

    private static (string ResultType, JsonElement Result) Data(string query, int httpStatus, string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new PrometheusQueryException(query, $"HTTP {httpStatus} with a body that is not JSON: {Excerpt(body)}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
            if (status == "error")
            {
                var errorType = root.TryGetProperty("errorType", out var t) ? t.GetString() : null;
                var error = root.TryGetProperty("error", out var m) ? m.GetString() : null;
                throw new PrometheusQueryException(query, $"HTTP {httpStatus}, {errorType ?? "error"}: {error ?? "(no message)"}");
            }
            if (httpStatus is < 200 or > 299)
                throw new PrometheusQueryException(query, $"HTTP {httpStatus}: {Excerpt(body)}");
            if (status != "success")
                throw new PrometheusQueryException(query, $"HTTP {httpStatus} without \"status\":\"success\": {Excerpt(body)}");
            if (!root.TryGetProperty("data", out var data)
                || !data.TryGetProperty("resultType", out var type) || type.ValueKind != JsonValueKind.String
                || !data.TryGetProperty("result", out var result))
            {
                throw new PrometheusQueryException(query, $"a success without data.resultType and data.result: {Excerpt(body)}");
            }
            // cloned so the element outlives the document
            return (type.GetString()!, result.Clone());
        }
    }

    private static Dictionary<string, string> Labels(string query, JsonElement item)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!item.TryGetProperty("metric", out var metric))
            return labels;
        if (metric.ValueKind != JsonValueKind.Object)
            throw new PrometheusQueryException(query, "a series whose \"metric\" is not an object");
        foreach (var label in metric.EnumerateObject())
            labels[label.Name] = label.Value.GetString() ?? "";
        return labels;
    }

    private static SeriesPoint Point(string query, JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
            || pair[0].ValueKind != JsonValueKind.Number || pair[1].ValueKind != JsonValueKind.String)
        {
            throw new PrometheusQueryException(query, $"a sample that is not [unixSeconds, \"value\"]: {pair.GetRawText()}");
        }
        try
        {
            return new SeriesPoint(pair[0].GetDouble(), ParseValue(pair[1].GetString()!));
        }
        catch (FormatException e)
        {
            throw new PrometheusQueryException(query, e.Message, e);
        }
    }

    private static string Excerpt(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length == 0 ? "(empty body)" : oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
