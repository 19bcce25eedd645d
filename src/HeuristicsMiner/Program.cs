using System.CommandLine;
using HeuristicsMiner.Cli;

var root = new RootCommand("heuristics-miner: the Lossy Counting Heuristics Miner (offline `mine`, streaming `serve`).");
root.Subcommands.Add(MineCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.BadInput;
}
// No termination timeout: serve handles SIGTERM itself (final checkpoints) and must not be cut off after 2 s.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
