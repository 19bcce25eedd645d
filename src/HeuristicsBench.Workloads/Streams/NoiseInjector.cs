using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Streams;

/// <summary>Applies <see cref="NoiseSettings"/> to one simulated case in place; returns how many events it changed.</summary>
public static class NoiseInjector
{
    public static int Apply(List<SimulatedStep> steps, NoiseSettings noise, IReadOnlyList<string> activities, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(random);
        if (noise.IsNone || steps.Count == 0)
            return 0;
        var changed = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            if (noise.Insert > 0 && activities.Count > 0 && random.NextDouble() < noise.Insert)
            {
                var like = steps[i];
                steps.Insert(i, like with { Activity = activities[random.NextInt(activities.Count)] });
                changed++;
                i++;
            }
            if (noise.Remove > 0 && random.NextDouble() < noise.Remove)
            {
                steps.RemoveAt(i);
                changed++;
                i--;
                continue;
            }
            if (noise.Swap > 0 && i + 1 < steps.Count && random.NextDouble() < noise.Swap)
            {
                (steps[i], steps[i + 1]) = (steps[i + 1] with { Duration = steps[i].Duration }, steps[i] with { Duration = steps[i + 1].Duration });
                changed++;
                i++;
            }
        }
        return changed;
    }
}
