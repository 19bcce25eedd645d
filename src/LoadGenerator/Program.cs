using System.CommandLine;
using LoadGenerator.Cli;
using LoadGenerator.Generation;

var root = new RootCommand("load-generator: simulates known process models and emits their events (generate to a file, produce to Kafka).");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ProduceCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.BadInput;
}
// produce handles SIGTERM/SIGINT itself (drain, summary, exit 0); System.CommandLine's handler would end the process
// after its grace period, in the middle of the drain.
var configuration = new InvocationConfiguration();
if (parse.CommandResult.Command.Name == ProduceCommand.Name)
    configuration.ProcessTerminationTimeout = null;
return await parse.InvokeAsync(configuration);
