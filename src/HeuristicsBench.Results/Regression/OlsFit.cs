using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace HeuristicsBench.Results.Regression;

/// <summary>
/// An ordinary least squares line y = <see cref="Intercept"/> + <see cref="Slope"/>·x and the two-sided 95 %
/// confidence band of the mean response: ŷ(x) ± t(0.975, n−2) · s · √(1/n + (x − x̄)² / Sxx), with
/// s² = Σ residual² / (n − 2). The band needs at least 3 points (n − 2 degrees of freedom ≥ 1); with 2 points
/// the line passes through both and there is no band (<see cref="HasBand"/> false).
/// </summary>
public sealed class OlsFit
{
    private const double Confidence = 0.95;

    private OlsFit(double intercept, double slope, int count, double meanX, double sxx, double? residualStandardError, double? tCritical)
    {
        Intercept = intercept;
        Slope = slope;
        Count = count;
        MeanX = meanX;
        Sxx = sxx;
        ResidualStandardError = residualStandardError;
        TCritical = tCritical;
    }

    public double Intercept { get; }

    public double Slope { get; }

    /// <summary>Number of points fitted.</summary>
    public int Count { get; }

    public double MeanX { get; }

    /// <summary>Σ (x − x̄)².</summary>
    public double Sxx { get; }

    /// <summary>s = √(Σ residual² / (n − 2)); null with fewer than 3 points.</summary>
    public double? ResidualStandardError { get; }

    /// <summary>The 97.5 % quantile of Student's t with n − 2 degrees of freedom; null with fewer than 3 points.</summary>
    public double? TCritical { get; }

    public bool HasBand => ResidualStandardError is not null;

    /// <summary>
    /// The fit of the points (x[i], y[i]), or null when there is no line: fewer than 2 points, or all x equal.
    /// </summary>
    public static OlsFit? Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"{x.Count} x values but {y.Count} y values.", nameof(y));
        if (x.Concat(y).Any(v => !double.IsFinite(v)))
            throw new ArgumentException("Every x and y must be a finite number.", nameof(x));
        int n = x.Count;
        if (n < 2)
            return null;
        double meanX = x.Average();
        double sxx = x.Sum(v => (v - meanX) * (v - meanX));
        if (sxx == 0)
            return null;

        var (intercept, slope) = Fit.Line([.. x], [.. y]);
        if (n < 3)
            return new OlsFit(intercept, slope, n, meanX, sxx, null, null);
        double ssr = 0;
        for (int i = 0; i < n; i++)
        {
            double residual = y[i] - (intercept + (slope * x[i]));
            ssr += residual * residual;
        }
        double s = Math.Sqrt(ssr / (n - 2));
        double t = StudentT.InvCDF(0, 1, n - 2, 1 - ((1 - Confidence) / 2));
        return new OlsFit(intercept, slope, n, meanX, sxx, s, t);
    }

    public double Predict(double x) => Intercept + (Slope * x);

    /// <summary>The 95 % confidence interval of the mean response at <paramref name="x"/>; null without a band.</summary>
    public (double Lower, double Upper)? Band(double x)
    {
        if (ResidualStandardError is not { } s || TCritical is not { } t)
            return null;
        double halfWidth = t * s * Math.Sqrt((1.0 / Count) + ((x - MeanX) * (x - MeanX) / Sxx));
        double y = Predict(x);
        return (y - halfWidth, y + halfWidth);
    }
}
