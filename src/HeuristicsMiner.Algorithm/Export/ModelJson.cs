namespace HeuristicsMiner.Algorithm.Export;

/// <summary>Property names and variant codes of the model JSON document (shared by writer and reader).</summary>
internal static class ModelJson
{
    public static string VariantCode(Summaries.SummaryVariant variant) => variant switch
    {
        Summaries.SummaryVariant.LossyCounting => "lc",
        Summaries.SummaryVariant.LossyCountingWithBudget => "lcb",
        Summaries.SummaryVariant.SlidingWindow => "sw",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    public static Summaries.SummaryVariant ParseVariant(string? code) => code switch
    {
        "lc" => Summaries.SummaryVariant.LossyCounting,
        "lcb" => Summaries.SummaryVariant.LossyCountingWithBudget,
        "sw" => Summaries.SummaryVariant.SlidingWindow,
        _ => throw new FormatException($"unknown variant '{code}' (expected lc, lcb or sw)"),
    };
}
