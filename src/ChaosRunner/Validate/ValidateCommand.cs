using System.CommandLine;

namespace ChaosRunner.Validate;

/// <summary><c>validate FILE...</c>: parse and check experiment files, listing the runs each expands to.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Experiment files (YAML; schema in docs/experiments.md)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check experiment files and list the runs each expands to (scenario, sweep value, iteration, duration); exit 2 if any is invalid.")
        {
            files,
        };
        command.SetAction(parse => ValidateCli.Run(parse.GetValue(files)!, Console.Out, Console.Error));
        return command;
    }
}
