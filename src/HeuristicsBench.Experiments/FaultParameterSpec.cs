namespace HeuristicsBench.Experiments;

/// <summary>One parameter of a fault kind: its name, type, whether it is required, its default and its range (inclusive).</summary>
public sealed record FaultParameterSpec(string Name, FaultParameterType Type, bool Required, FaultParameterValue Default, double Min, double Max)
{
    /// <summary>A non-negative duration; <see cref="Min"/> and <see cref="Max"/> are in milliseconds.</summary>
    public static FaultParameterSpec Duration(string name, bool required, TimeSpan min, TimeSpan max) =>
        new(name, FaultParameterType.Duration, required, new FaultParameterValue.DurationValue(TimeSpan.Zero), min.TotalMilliseconds, max.TotalMilliseconds);

    /// <summary>A duration that may be negative (a clock offset); range in milliseconds.</summary>
    public static FaultParameterSpec SignedDuration(string name, bool required, TimeSpan min, TimeSpan max) =>
        new(name, FaultParameterType.SignedDuration, required, new FaultParameterValue.DurationValue(TimeSpan.Zero), min.TotalMilliseconds, max.TotalMilliseconds);

    public static FaultParameterSpec Number(string name, bool required, double defaultValue, double min, double max, bool wholeNumber = false) =>
        new(name, wholeNumber ? FaultParameterType.WholeNumber : FaultParameterType.Number, required, new FaultParameterValue.NumberValue(defaultValue), min, max);
}

public enum FaultParameterType
{
    Duration,
    SignedDuration,
    Number,
    WholeNumber,
}
