namespace HeuristicsBench.EventLogs.Tests;

public class AssemblyTests
{
    [Fact]
    public void EventLogs_assembly_loads() => Assert.NotNull(typeof(AssemblyTests).Assembly);
}
