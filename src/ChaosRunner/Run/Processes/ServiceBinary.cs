namespace ChaosRunner.Run.Processes;

/// <summary>How to start one of our CLIs: the host (dotnet) and the arguments before the CLI's own (the dll path).</summary>
public sealed record ServiceBinary(string Name, string Host, IReadOnlyList<string> HostArguments);
