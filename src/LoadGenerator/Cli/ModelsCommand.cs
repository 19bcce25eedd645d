using System.CommandLine;
using HeuristicsBench.Workloads.Models;
using LoadGenerator.Generation;

namespace LoadGenerator.Cli;

/// <summary><c>models</c>: lists the built-in models, or prints one's source so it can be copied and edited.</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var show = new Option<string?>("--show") { Description = "Print the source of this built-in model (redirect it to a file to edit it)" };
        var command = new Command("models", "List the built-in reference models, or print one's source.") { show };
        command.SetAction(parse =>
        {
            if (parse.GetValue(show) is not { } name)
            {
                foreach (var builtIn in ModelCatalog.BuiltInNames)
                {
                    var model = ModelCatalog.Load(builtIn, 1);
                    var truth = model.TruthAt(0);
                    Console.WriteLine($"{builtIn,-20} {model.Activities.Count,3} activities, {truth.Relations.Count,3} causal relations");
                }
                return ExitCodes.Success;
            }
            try
            {
                Console.Write(ModelCatalog.BuiltInText(name).Text);
                return ExitCodes.Success;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
