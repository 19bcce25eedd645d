using System.Globalization;

namespace HeuristicsBench.Experiments;

/// <summary>The value of a fault parameter: a duration or a number.</summary>
public abstract record FaultParameterValue
{
    private FaultParameterValue()
    {
    }

    public sealed record DurationValue(TimeSpan Value) : FaultParameterValue
    {
        public override string ToString() => DurationText.Format(Value);
    }

    public sealed record NumberValue(double Value) : FaultParameterValue
    {
        public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
    }
}
