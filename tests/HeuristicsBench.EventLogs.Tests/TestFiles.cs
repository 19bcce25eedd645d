namespace HeuristicsBench.EventLogs.Tests;

/// <summary>Paths of the logs shipped in TestData.</summary>
internal static class TestFiles
{
    public static string RunningExample => Path.Combine(AppContext.BaseDirectory, "TestData", "running-example.xes");

    public static string A12f0n00 => Path.Combine(AppContext.BaseDirectory, "TestData", "a12f0n00.xes.gz");

    public static string RoadTraffic100 => Path.Combine(AppContext.BaseDirectory, "TestData", "roadtraffic100traces.xes");

    public static string Helpdesk => Path.Combine(AppContext.BaseDirectory, "TestData", "helpdesk.xes.gz");
}
