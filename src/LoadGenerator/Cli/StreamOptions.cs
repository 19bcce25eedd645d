using System.CommandLine;
using System.Globalization;
using HeuristicsBench.Cli;
using HeuristicsBench.Workloads.Pacing;
using HeuristicsBench.Workloads.Streams;
using LoadGenerator.Streams;

namespace LoadGenerator.Cli;

/// <summary>
/// The options that choose the stream (model, seed, concurrency, noise, drift, pacing, start, replay, case prefix), built once
/// here with their validators so that <c>generate</c> and <c>produce</c> take the same arguments the same way.
/// </summary>
public sealed class StreamOptions
{
    public StreamOptions(OptionDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        Model = defaults.Set(new Option<string>("--model", "-m") { Description = "Built-in model name or a .yaml (Markov chain) / .ptree (process tree) file" }, "assembly-line");
        Seed = defaults.Set(new Option<ulong>("--seed") { Description = "Seed: the same seed gives the same stream" }, 1UL);
        Concurrency = defaults.Set(new Option<int>("--concurrency") { Description = "Target number of cases in flight" }, 100);
        NoiseRemove = defaults.Set(new Option<double>("--noise-remove") { Description = "Per-event probability of dropping the event" }, 0.0);
        NoiseSwap = defaults.Set(new Option<double>("--noise-swap") { Description = "Per-event probability of swapping with the case's next event" }, 0.0);
        NoiseInsert = defaults.Set(new Option<double>("--noise-insert") { Description = "Per-event probability of inserting a random activity before it" }, 0.0);
        DriftTo = defaults.Set(new Option<string?>("--drift-to") { Description = "Model that new cases move to (concept drift)" }, null);
        DriftAt = defaults.Set(new Option<long?>("--drift-at") { Description = "Event position where the drift starts (default: the middle of --events)" }, null);
        DriftOver = defaults.Set(new Option<long>("--drift-over") { Description = "0: switch at once; N: morph over N events" }, 0L);
        Rate = defaults.Set(new Option<double?>("--rate") { Description = "Pace output at this many events/s (wall clock)" }, null);
        Shape = defaults.Set(new Option<string?>("--shape") { Description = "Pace output by a load shape: constant:R, step:R1,R2@T, ramp:R1,R2/T, sine:M,A/P, spike:B,P@T/L (wins over --rate)" }, null);
        Start = defaults.Set(new Option<string?>("--start") { Description = "Simulated time of the first case arrival (ISO 8601; default 2026-01-01T00:00:00Z)" }, null);
        Replay = defaults.Set(new Option<string?>("--replay") { Description = "Replay this event log (.csv, .xes, .xes.gz) instead of simulating a model; --events then limits it" }, null);
        CasePrefix = defaults.Set(new Option<string?>("--case-prefix") { Description = $"Case ids are this and a number (default {StreamSettings.DefaultCasePrefix}); with --replay it goes before the log's ids (default none). At most {CasePrefixRule.MaxLength} characters, no whitespace" }, null);

        Concurrency.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--concurrency must be at least 1"); });
        foreach (var option in new[] { NoiseRemove, NoiseSwap, NoiseInsert })
        {
            option.Validators.Add(r =>
            {
                var v = r.GetValueOrDefault<double>();
                if (double.IsNaN(v) || v is < 0 or > 1)
                    r.AddError($"{option.Name} {v.ToString(CultureInfo.InvariantCulture)}: must be in [0, 1]");
            });
        }
        DriftOver.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 0) r.AddError("--drift-over must be >= 0"); });
        Rate.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is { } v && !(v > 0)) r.AddError("--rate must be positive"); });
        CasePrefix.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } prefix && CasePrefixRule.Problem(prefix) is { } problem)
                r.AddError($"--case-prefix '{Printable(prefix)}': {problem}");
        });
    }

    public Option<string> Model { get; }
    public Option<ulong> Seed { get; }
    public Option<int> Concurrency { get; }
    public Option<double> NoiseRemove { get; }
    public Option<double> NoiseSwap { get; }
    public Option<double> NoiseInsert { get; }
    public Option<string?> DriftTo { get; }
    public Option<long?> DriftAt { get; }
    public Option<long> DriftOver { get; }
    public Option<double?> Rate { get; }
    public Option<string?> Shape { get; }
    public Option<string?> Start { get; }
    public Option<string?> Replay { get; }
    public Option<string?> CasePrefix { get; }

    public IEnumerable<Option> All => [Model, Seed, Concurrency, NoiseRemove, NoiseSwap, NoiseInsert, DriftTo, DriftAt, DriftOver, Rate, Shape, Start, Replay, CasePrefix];

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All)
            command.Options.Add(option);
    }

    /// <summary>The chosen stream; a bad --shape or --start throws <see cref="FormatException"/> naming the option.</summary>
    public StreamSpec Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        LoadShape? pace;
        try
        {
            pace = parse.GetValue(Shape) is { } text ? LoadShape.Parse(text) : parse.GetValue(Rate) is { } r ? new LoadShape.Constant(r) : null;
        }
        catch (FormatException e)
        {
            throw new FormatException($"--shape: {e.Message}", e);
        }
        var start = StreamSettings.DefaultStart;
        if (parse.GetValue(Start) is { } s &&
            !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
            throw new FormatException($"--start {s}: not an ISO 8601 time such as 2026-01-01T00:00:00Z");
        return new StreamSpec(
            parse.GetValue(Model)!, parse.GetValue(Seed), parse.GetValue(Concurrency),
            new NoiseSettings(parse.GetValue(NoiseRemove), parse.GetValue(NoiseSwap), parse.GetValue(NoiseInsert)),
            parse.GetValue(DriftTo), parse.GetValue(DriftAt), parse.GetValue(DriftOver), pace, start, parse.GetValue(Replay),
            parse.GetValue(CasePrefix));
    }

    /// <summary>The text with control characters written as \uXXXX, so an error line stays one readable line.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString()));
}
