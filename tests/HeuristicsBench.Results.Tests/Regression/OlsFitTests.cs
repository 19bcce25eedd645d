using HeuristicsBench.Results.Regression;

namespace HeuristicsBench.Results.Tests.Regression;

public class OlsFitTests
{
    // x = 1..5, y = 2,4,5,4,5 by hand: x̄ = 3, Sxx = 10, Sxy = 6 → slope 0.6, intercept 4 − 1.8 = 2.2.
    // Fitted 2.8, 3.4, 4.0, 4.6, 5.2; residuals −0.8, 0.6, 1, −0.6, −0.2; SSR = 2.4; s² = 2.4 / 3 = 0.8.
    // t(0.975, 3) = 3.1824463053 (tables). At x = 3: se = √(0.8 · 0.2) = 0.4 → half width 1.272978522.
    // At x = 1: se = √(0.8 · (0.2 + 4/10)) = √0.48 → half width 2.204863.
    private static readonly double[] X = [1, 2, 3, 4, 5];
    private static readonly double[] Y = [2, 4, 5, 4, 5];

    [Fact]
    public void Line_matches_the_hand_computed_slope_and_intercept()
    {
        var fit = OlsFit.Of(X, Y)!;
        Assert.Equal(0.6, fit.Slope, 12);
        Assert.Equal(2.2, fit.Intercept, 12);
        Assert.Equal(Math.Sqrt(0.8), fit.ResidualStandardError!.Value, 12);
        Assert.Equal(3.1824463053, fit.TCritical!.Value, tolerance: 1e-8);
    }

    [Fact]
    public void Band_matches_the_closed_form_at_the_mean_and_at_an_end()
    {
        var fit = OlsFit.Of(X, Y)!;
        var (lower, upper) = fit.Band(3)!.Value;
        Assert.Equal(4 - 1.272978522, lower, tolerance: 1e-8);
        Assert.Equal(4 + 1.272978522, upper, tolerance: 1e-8);
        var (lower1, upper1) = fit.Band(1)!.Value;
        double half = 3.182446305 * Math.Sqrt(0.48);
        Assert.Equal(2.8 - half, lower1, tolerance: 1e-8);
        Assert.Equal(2.8 + half, upper1, tolerance: 1e-8);
    }

    [Fact]
    public void Two_points_give_a_line_without_a_band()
    {
        var fit = OlsFit.Of([0, 2], [1, 5])!;
        Assert.Equal(2, fit.Slope, 12);
        Assert.Equal(1, fit.Intercept, 12);
        Assert.False(fit.HasBand);
        Assert.Null(fit.Band(1));
    }

    [Fact]
    public void No_line_for_one_point_or_equal_x()
    {
        Assert.Null(OlsFit.Of([1], [1]));
        Assert.Null(OlsFit.Of([2, 2, 2], [1, 2, 3]));
    }

    [Fact]
    public void Mismatched_lengths_are_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => OlsFit.Of([1, 2, 3], [1, 2]));
        Assert.Contains("3 x values but 2 y values", error.Message, StringComparison.Ordinal);
    }
}
