using System.CommandLine;
using System.Globalization;
using HeuristicsBench.Workloads.Pacing;
using HeuristicsBench.Workloads.Streams;
using LoadGenerator.Generation;

namespace LoadGenerator.Cli;

/// <summary><c>generate</c>: a seeded event stream from a reference model to a file, with its ground truth.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "Built-in model name or a .yaml (Markov chain) / .ptree (process tree) file", DefaultValueFactory = _ => "assembly-line" };
        var events = new Option<long>("--events", "-n") { Description = "Events to generate", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives the same stream", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "Output file (written atomically), or - for standard output", Required = true };
        var format = new Option<string?>("--format", "-f") { Description = "csv, jsonl or xes (default: from the --out extension, else csv)" };
        format.AcceptOnlyFromAmong("csv", "jsonl", "xes");
        var truth = new Option<string?>("--ground-truth") { Description = "Write the true model(s) as JSON, per drift segment" };
        var concurrency = new Option<int>("--concurrency") { Description = "Target number of cases in flight", DefaultValueFactory = _ => 100 };
        var remove = new Option<double>("--noise-remove") { Description = "Per-event probability of dropping the event" };
        var swap = new Option<double>("--noise-swap") { Description = "Per-event probability of swapping with the case's next event" };
        var insert = new Option<double>("--noise-insert") { Description = "Per-event probability of inserting a random activity before it" };
        var driftTo = new Option<string?>("--drift-to") { Description = "Model that new cases move to (concept drift)" };
        var driftAt = new Option<long>("--drift-at") { Description = "Event position where the drift starts (default: the middle)", DefaultValueFactory = _ => -1 };
        var driftOver = new Option<long>("--drift-over") { Description = "0: switch at once; N: morph over N events", DefaultValueFactory = _ => 0 };
        var rate = new Option<double?>("--rate") { Description = "Pace output at this many events/s (wall clock)" };
        var shape = new Option<string?>("--shape") { Description = "Pace output by a load shape: constant:R, step:R1,R2@T, ramp:R1,R2/T, sine:M,A/P, spike:B,P@T/L" };
        var start = new Option<string?>("--start") { Description = "Simulated time of the first case arrival (ISO 8601; default 2026-01-01T00:00:00Z)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or statistics on standard error" };
        var replay = new Option<string?>("--replay") { Description = "Replay this event log (.csv, .xes, .xes.gz) instead of simulating a model; --events then limits it" };

        events.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 0) r.AddError("--events must be >= 0"); });
        concurrency.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--concurrency must be at least 1"); });
        foreach (var p in new[] { remove, swap, insert })
        {
            var option = p;
            option.Validators.Add(r =>
            {
                var v = r.GetValueOrDefault<double>();
                if (double.IsNaN(v) || v is < 0 or > 1)
                    r.AddError($"{option.Name} {v.ToString(CultureInfo.InvariantCulture)}: must be in [0, 1]");
            });
        }
        driftOver.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 0) r.AddError("--drift-over must be >= 0"); });
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is { } v && !(v > 0)) r.AddError("--rate must be positive"); });

        var command = new Command("generate", "Generate a seeded event stream from a reference model, with its ground truth.")
        {
            model, events, seed, output, format, truth, concurrency, remove, swap, insert, driftTo, driftAt, driftOver, rate, shape, start, quiet, replay,
        };
        command.SetAction((parse, cancellation) =>
        {
            var path = parse.GetValue(output)!;
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"error: --out {path}: compressed output is not supported; write {path[..^3]} and compress it");
                return Task.FromResult(ExitCodes.BadInput);
            }
            LoadShape? pace;
            DateTimeOffset startAt;
            try
            {
                pace = parse.GetValue(shape) is { } text ? LoadShape.Parse(text) : parse.GetValue(rate) is { } r ? new LoadShape.Constant(r) : null;
                startAt = parse.GetValue(start) is { } s
                    ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                    : StreamSettings.DefaultStart;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var replaying = parse.GetValue(replay);
            var total = replaying is not null && parse.GetResult(events) is null or { Implicit: true } ? long.MaxValue : parse.GetValue(events);
            var settings = new GenerateSettings(
                parse.GetValue(model)!, total, parse.GetValue(seed), path,
                parse.GetValue(format) is { } f ? Enum.Parse<OutputFormat>(f, ignoreCase: true) : FormatFromPath(path),
                parse.GetValue(truth), parse.GetValue(concurrency),
                new NoiseSettings(parse.GetValue(remove), parse.GetValue(swap), parse.GetValue(insert)),
                parse.GetValue(driftTo), parse.GetValue(driftAt) is var at && at >= 0 ? at : total / 2, parse.GetValue(driftOver),
                pace, startAt, parse.GetValue(quiet), replaying);
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
