using System.Reflection;
using System.Runtime.InteropServices;

namespace HeuristicsBench.Results.Writing;

/// <summary>
/// The machine and software a run happened on, for manifest.json. <see cref="ExtraVersions"/> holds versions only the
/// caller knows (Confluent.Kafka, librdkafka, ...), by name.
/// </summary>
public sealed record MachineInfo(
    string OsDescription,
    int ProcessorCount,
    long TotalMemoryBytes,
    string HostName,
    string DotNetVersion,
    string RunnerVersion,
    IReadOnlyDictionary<string, string> ExtraVersions)
{
    /// <summary>This process's machine: memory is what the GC may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>),
    /// the runner version the entry assembly's informational version ("unknown" without one).</summary>
    public static MachineInfo Current(IReadOnlyDictionary<string, string>? extraVersions = null)
    {
        var entry = Assembly.GetEntryAssembly();
        var runner = entry?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? entry?.GetName().Version?.ToString()
            ?? "unknown";
        return new MachineInfo(
            RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            Environment.MachineName,
            RuntimeInformation.FrameworkDescription,
            runner,
            extraVersions ?? new Dictionary<string, string>());
    }
}
