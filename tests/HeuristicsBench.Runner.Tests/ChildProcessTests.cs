namespace HeuristicsBench.Runner.Tests;

/// <summary>
/// The tests that start real child processes run one after another: they check that none is left afterwards by
/// looking at every child of this test process, so side by side they would see each other's children.
/// </summary>
public static class ChildProcessTests
{
    public const string Name = "child processes";
}
