using System.CommandLine;
using HeuristicsBench.Cli;
using LoadGenerator.Generation;

namespace LoadGenerator.Cli;

/// <summary><c>generate</c>: a seeded event stream from a reference model to a file, with its ground truth.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var stream = new StreamOptions(OptionDefaults.BuiltIn());
        var events = new Option<long>("--events", "-n") { Description = "Events to generate", DefaultValueFactory = _ => 100_000 };
        var output = new Option<string>("--out", "-o") { Description = "Output file (written atomically), or - for standard output", Required = true };
        var format = new Option<string?>("--format", "-f") { Description = "csv, jsonl or xes (default: from the --out extension, else csv)" };
        format.AcceptOnlyFromAmong("csv", "jsonl", "xes");
        var truth = new Option<string?>("--ground-truth") { Description = "Write the true model(s) as JSON, per drift segment" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or statistics on standard error" };

        events.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 0) r.AddError("--events must be >= 0"); });

        var command = new Command("generate", "Generate a seeded event stream from a reference model, with its ground truth.")
        {
            events, output, format, truth, quiet,
        };
        stream.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var path = parse.GetValue(output)!;
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"error: --out {path}: compressed output is not supported; write {path[..^3]} and compress it");
                return Task.FromResult(ExitCodes.BadInput);
            }
            Streams.StreamSpec spec;
            try
            {
                spec = stream.Read(parse);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var total = spec.Replay is not null && parse.GetResult(events) is null or { Implicit: true } ? long.MaxValue : parse.GetValue(events);
            var settings = new GenerateSettings(
                spec, total, path,
                parse.GetValue(format) is { } f ? Enum.Parse<OutputFormat>(f, ignoreCase: true) : FormatFromPath(path),
                parse.GetValue(truth), parse.GetValue(quiet));
            using var stdout = Console.OpenStandardOutput();
            return Task.FromResult(GenerateRunner.Run(settings, stdout, Console.Error, cancellation));
        });
        return command;
    }

    public static OutputFormat FormatFromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".json" => OutputFormat.Jsonl,
        ".xes" => OutputFormat.Xes,
        _ => OutputFormat.Csv,
    };
}
