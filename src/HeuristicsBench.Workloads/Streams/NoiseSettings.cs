namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// Per-event noise, applied to each simulated case before it is emitted: with probability
/// <see cref="Remove"/> an event is dropped, with <see cref="Swap"/> it trades places with the next event of
/// its case, with <see cref="Insert"/> a random activity of the model is inserted before it.
/// </summary>
public sealed record NoiseSettings(double Remove = 0, double Swap = 0, double Insert = 0)
{
    public static NoiseSettings None { get; } = new();

    public bool IsNone => Remove == 0 && Swap == 0 && Insert == 0;

    public void Validate()
    {
        Check(Remove, nameof(Remove));
        Check(Swap, nameof(Swap));
        Check(Insert, nameof(Insert));
    }

    private static void Check(double p, string name)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
            throw new ArgumentOutOfRangeException(name, p, "a noise probability must be in [0, 1]");
    }
}
