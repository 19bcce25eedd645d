using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Models;

/// <summary>How long a simulated activity takes: constant, uniform in [Min, Max], or Gaussian (clamped at 0).</summary>
public abstract record DurationDistribution
{
    public abstract TimeSpan Sample(DeterministicRandom random);

    public sealed record Constant(TimeSpan Value) : DurationDistribution
    {
        public override TimeSpan Sample(DeterministicRandom random) => Value;
    }

    public sealed record Uniform(TimeSpan Min, TimeSpan Max) : DurationDistribution
    {
        public override TimeSpan Sample(DeterministicRandom random) =>
            Min + TimeSpan.FromTicks((long)(random.NextDouble() * (Max - Min).Ticks));
    }

    public sealed record Gaussian(TimeSpan Mean, TimeSpan StandardDeviation) : DurationDistribution
    {
        public override TimeSpan Sample(DeterministicRandom random)
        {
            var ticks = Mean.Ticks + (random.NextGaussian() * StandardDeviation.Ticks);
            return TimeSpan.FromTicks((long)Math.Max(0, ticks));
        }
    }
}
