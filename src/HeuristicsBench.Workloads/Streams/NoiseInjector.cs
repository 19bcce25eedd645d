using HeuristicsBench.Workloads.Models;
using HeuristicsBench.Workloads.Randomness;

namespace HeuristicsBench.Workloads.Streams;

/// <summary>
/// Applies <see cref="NoiseSettings"/> to one simulated case in place and returns how many changes it made.
/// Every original event draws, in order: insert (a random model activity, taking no time, goes before it)
/// then remove (it is dropped). Then a swap pass walks the result: each event not already moved by a swap
/// trades activities with the next one with probability Swap (durations stay in place, so timestamps keep
/// increasing). Insert and remove therefore hit exactly their rates per original event; the swap rate per
/// event is Swap/(1+Swap) because a swapped partner does not draw again.
/// </summary>
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
        if (noise.Insert > 0 || noise.Remove > 0)
        {
            var originals = steps.ToArray();
            steps.Clear();
            foreach (var step in originals)
            {
                if (noise.Insert > 0 && activities.Count > 0 && random.NextDouble() < noise.Insert)
                {
                    steps.Add(step with { Activity = activities[random.NextInt(activities.Count)], Duration = TimeSpan.Zero });
                    changed++;
                }
                if (noise.Remove > 0 && random.NextDouble() < noise.Remove)
                {
                    changed++;
                    continue;
                }
                steps.Add(step);
            }
        }
        if (noise.Swap > 0)
        {
            for (var i = 0; i + 1 < steps.Count; i++)
            {
                if (random.NextDouble() >= noise.Swap)
                    continue;
                (steps[i], steps[i + 1]) = (steps[i + 1] with { Duration = steps[i].Duration }, steps[i] with { Duration = steps[i + 1].Duration });
                changed++;
                i++;
            }
        }
        return changed;
    }
}
