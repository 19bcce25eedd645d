using System.CommandLine;
using LoadGenerator.Cli;
using LoadGenerator.Generation;

var root = new RootCommand("load-generator: simulates known process models and emits their events (generate; produce to Kafka comes later).");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.BadInput;
}
return await parse.InvokeAsync();
