namespace HeuristicsBench.Workloads.MarkovChains;

/// <summary>
/// When the probabilities of a chain drift: from stream step <see cref="Start"/> over <see cref="Steps"/> steps
/// (steps = events emitted). Progress at step s is clamp((s − Start) / Steps, 0, 1); with Steps = 0 the
/// change is sudden: progress is 0 before Start and 1 from Start on.
/// </summary>
public sealed record MarkovDrift(long Start, long Steps)
{
    public double ProgressAt(long step)
    {
        if (Steps == 0)
            return step >= Start ? 1 : 0;
        if (step <= Start)
            return 0;
        if (step - Start >= Steps)
            return 1;
        return (double)(step - Start) / Steps;
    }
}
