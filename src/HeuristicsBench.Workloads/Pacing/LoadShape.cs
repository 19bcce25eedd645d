using System.Globalization;

namespace HeuristicsBench.Workloads.Pacing;

/// <summary>
/// Target emission rate (events/s) as a function of time since the start. Textual forms (for the CLI):
/// <c>constant:R</c>, <c>step:R1,R2@T</c>, <c>ramp:R1,R2/T</c>, <c>sine:MEAN,AMPLITUDE/PERIOD</c>,
/// <c>spike:BASE,PEAK@T/LENGTH</c>; times as <c>30s</c>, <c>2m</c>, <c>500ms</c> or plain seconds.
/// Every rate must be positive.
/// </summary>
public abstract record LoadShape
{
    /// <summary>Smallest rate a shape may take (events/s), so that one interval fits a TimeSpan.</summary>
    public const double MinimumRate = 1e-6;

    /// <summary>Longest duration a shape may name (100 years).</summary>
    private const double MaxSeconds = 100 * 365.25 * 86400;

    public abstract double RateAt(TimeSpan elapsed);

    public sealed record Constant(double Rate) : LoadShape
    {
        public override double RateAt(TimeSpan elapsed) => Rate;
    }

    /// <summary>Before until <see cref="At"/>, then After.</summary>
    public sealed record Step(double Before, double After, TimeSpan At) : LoadShape
    {
        public override double RateAt(TimeSpan elapsed) => elapsed < At ? Before : After;
    }

    /// <summary>Linear from From to To over <see cref="Over"/>, then To.</summary>
    public sealed record Ramp(double From, double To, TimeSpan Over) : LoadShape
    {
        public override double RateAt(TimeSpan elapsed) =>
            elapsed >= Over ? To : From + ((To - From) * elapsed.TotalSeconds / Over.TotalSeconds);
    }

    public sealed record Sine(double Mean, double Amplitude, TimeSpan Period) : LoadShape
    {
        public override double RateAt(TimeSpan elapsed) =>
            Mean + (Amplitude * Math.Sin(2 * Math.PI * elapsed.TotalSeconds / Period.TotalSeconds));
    }

    /// <summary>Base, except Peak during [At, At + Length).</summary>
    public sealed record Spike(double Base, double Peak, TimeSpan At, TimeSpan Length) : LoadShape
    {
        public override double RateAt(TimeSpan elapsed) => elapsed >= At && elapsed < At + Length ? Peak : Base;
    }

    /// <summary>Parses the textual form; a bad one throws <see cref="FormatException"/> saying what was expected.</summary>
    public static LoadShape Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? text : text[..colon];
        var args = colon < 0 ? "" : text[(colon + 1)..];
        LoadShape shape = kind switch
        {
            "constant" => new Constant(ParseRate(args)),
            "step" => Split(args, '@') is [var rates, var at] && Pair(rates) is var (b, a) ? new Step(b, a, Time(at)) : Bad(text),
            "ramp" => Split(args, '/') is [var rates, var over] && Pair(rates) is var (f, t) ? new Ramp(f, t, Time(over)) : Bad(text),
            "sine" => Split(args, '/') is [var rates, var period] && Pair(rates) is var (m, amp) ? new Sine(m, amp, Time(period)) : Bad(text),
            "spike" => Split(args, '@') is [var rates, var window] && Pair(rates) is var (bs, pk) && Split(window, '/') is [var at, var length]
                ? new Spike(bs, pk, Time(at), Time(length)) : Bad(text),
            _ => Bad(text),
        };
        shape.Validate();
        return shape;
    }

    /// <summary>Throws <see cref="FormatException"/> if a rate can be zero or negative or a time is not positive.</summary>
    public void Validate()
    {
        var ok = this switch
        {
            Constant c => c.Rate >= MinimumRate,
            Step s => s.Before >= MinimumRate && s.After >= MinimumRate && s.At >= TimeSpan.Zero,
            Ramp r => r.From >= MinimumRate && r.To >= MinimumRate && r.Over > TimeSpan.Zero,
            Sine s => s.Amplitude >= 0 && s.Mean - s.Amplitude >= MinimumRate && s.Period > TimeSpan.Zero,
            Spike s => s.Base >= MinimumRate && s.Peak >= MinimumRate && s.At >= TimeSpan.Zero && s.Length > TimeSpan.Zero,
            _ => false,
        };
        if (!ok)
            throw new FormatException($"load shape {this} has a rate below {MinimumRate} events/s (rates must stay positive) or a time that is not positive");
    }

    private static string[] Split(string text, char separator) => text.Split(separator);

    private static (double, double)? Pair(string text) =>
        text.Split(',') is [var a, var b] ? (ParseRate(a), ParseRate(b)) : null;

    private static double ParseRate(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
            ? rate
            : throw new FormatException($"'{text}' is not a rate in events/s");

    /// <summary>Parses <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> or plain seconds.</summary>
    public static TimeSpan Time(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            throw new FormatException($"'{text}' is not a duration (e.g. 500ms, 30s, 2m)");
        if (value * unit > MaxSeconds)
            throw new FormatException($"'{text}' is longer than the longest supported duration ({MaxSeconds / 86400:N0} days)");
        return TimeSpan.FromSeconds(value * unit);
    }

    private static LoadShape Bad(string text) => throw new FormatException(
        $"'{text}' is not a load shape: expected constant:R, step:R1,R2@T, ramp:R1,R2/T, sine:MEAN,AMP/PERIOD or spike:BASE,PEAK@T/LENGTH");
}
