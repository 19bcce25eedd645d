using System.CommandLine;
using HeuristicsMiner.Cli;

var root = new RootCommand("heuristics-miner: the Lossy Counting Heuristics Miner (offline `mine`; the streaming service comes later).");
root.Subcommands.Add(MineCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.BadInput;
}
return parse.Invoke();
