using System.Diagnostics;
using System.Globalization;
using HeuristicsBench.EventLogs;
using HeuristicsBench.Workloads.Pacing;
using HeuristicsBench.Workloads.Streams;
using HeuristicsBench.Workloads.Truth;
using LoadGenerator.Streams;

namespace LoadGenerator.Generation;

/// <summary>
/// Runs <c>generate</c>: resolves the models, writes the stream to the sink (atomically when it is a file),
/// optionally paced, and writes the ground truth. Bad input is one line on standard error and exit code 2;
/// nothing already stored is replaced by a partial file.
/// </summary>
public static class GenerateRunner
{
    private static readonly long ReportEvery = Stopwatch.Frequency * 2;

    public static int Run(GenerateSettings settings, Stream stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stderr);
        var spec = settings.Stream;
        if (spec.Replay is not null)
            return Replay(settings, stdout, stderr, cancellation);
        ModelSchedule schedule;
        try
        {
            schedule = ScheduleFactory.Build(spec, settings.Events);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Fail(stderr, e.Message);
        }
        if (CheckTargets(settings) is { } problem)
            return Fail(stderr, problem);

        var generator = new EventStreamGenerator(schedule, spec.Settings);
        var started = Stopwatch.GetTimestamp();
        try
        {
            WriteOutput(generator.Generate(settings.Events), settings, stdout, stderr, cancellation);
            if (settings.GroundTruth is { } truthPath)
            {
                var segments = GroundTruthTimeline.For(schedule, settings.Events);
                AtomicFile.Write(truthPath, stream => GroundTruthJson.Write(segments, settings.Events, spec.Seed, stream));
            }
        }
        catch (StreamGenerationException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot write: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // e.g. XmlWriter refusing a control character in an activity name for --format xes
            return Fail(stderr, $"cannot write {settings.Format.ToString().ToLowerInvariant()}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled; no output file was written");
            return ExitCodes.Failure;
        }

        if (!settings.Quiet)
        {
            var s = generator.Statistics;
            var elapsed = Stopwatch.GetElapsedTime(started);
            var written = settings.Output == "-" ? "" : $"; wrote {settings.Output}";
            var truth = settings.GroundTruth is null ? "" : $" and {settings.GroundTruth}";
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {s.Events:N0} events of {s.CasesStarted:N0} cases ({s.CasesCompleted:N0} complete, peak {s.PeakConcurrentCases} in flight, {s.NoisyEvents:N0} noise changes) in {elapsed.TotalSeconds:F2} s ({s.Events / Math.Max(elapsed.TotalSeconds, 1e-9):N0} events/s){written}{truth}"));
        }
        return ExitCodes.Success;
    }

    /// <summary>Replays a log file to the sink; its problems are reported like a model file's.</summary>
    private static int Replay(GenerateSettings settings, Stream stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if (settings.GroundTruth is not null)
            return Fail(stderr, "--ground-truth: a replayed log has no known model, so there is no ground truth to write");
        var replay = settings.Stream.Replay!;
        if (!File.Exists(replay))
            return Fail(stderr, $"{replay}: no such file");
        if (CheckTargets(settings) is { } problem)
            return Fail(stderr, problem);
        var started = Stopwatch.GetTimestamp();
        long count = 0;
        try
        {
            var events = settings.Stream.ReplayEvents(settings.Events).Select(e => { count++; return e; });
            WriteOutput(events, settings, stdout, stderr, cancellation);
        }
        catch (EventLogFormatException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(stderr, $"cannot read or write: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled; no output file was written");
            return ExitCodes.Failure;
        }
        if (!settings.Quiet)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var written = settings.Output == "-" ? "" : $"; wrote {settings.Output}";
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replayed {count:N0} events of {replay} in {elapsed:F2} s{written}"));
        }
        return ExitCodes.Success;
    }

    private static string? CheckTargets(GenerateSettings settings)
    {
        if (settings.GroundTruth == "-")
            return "--ground-truth must be a file (standard output carries the events)";
        if (settings.GroundTruth is { } truth && settings.Output != "-" &&
            string.Equals(Path.GetFullPath(truth), Path.GetFullPath(settings.Output), StringComparison.Ordinal))
            return "--ground-truth and --out name the same file";
        foreach (var target in new[] { settings.Output, settings.GroundTruth })
        {
            if (target is null or "-")
                continue;
            if (OutputTarget.Problem(target) is { } problem)
                return problem;
        }
        return null;
    }

    /// <summary>To standard output for "-", otherwise atomically to the file.</summary>
    private static void WriteOutput(IEnumerable<StreamEvent> events, GenerateSettings settings, Stream stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var progress = settings.Quiet ? null : stderr;
        if (settings.Output == "-")
            WriteEvents(events, settings, stdout, progress, cancellation);
        else
            AtomicFile.Write(settings.Output, stream => WriteEvents(events, settings, stream, progress, cancellation));
    }

    private static void WriteEvents(IEnumerable<StreamEvent> events, GenerateSettings settings, Stream output, TextWriter? progress, CancellationToken cancellation)
    {
        // Not disposed: disposing a BufferedStream closes the stream it wraps, which belongs to the caller.
#pragma warning disable CA2000
        var buffered = new BufferedStream(output, 1 << 16);
#pragma warning restore CA2000
        WriteTo(buffered, events, settings, progress, cancellation);
        buffered.Flush();
    }

    private static void WriteTo(Stream buffered, IEnumerable<StreamEvent> events, GenerateSettings settings, TextWriter? progress, CancellationToken cancellation)
    {
        using var sink = CreateSink(settings.Format, buffered);
        var pacer = settings.Stream.Pace is { } shape ? new RateController(shape) : null;
        var started = Stopwatch.GetTimestamp();
        var nextReport = started + ReportEvery;
        long count = 0;
        foreach (var e in events)
        {
            if (pacer is not null)
            {
                pacer.WaitAsync(cancellation).AsTask().GetAwaiter().GetResult();
                sink.Write(e with { EmittedAt = DateTimeOffset.UtcNow });
            }
            else
            {
                sink.Write(e);
            }
            if ((++count & 0x3FFF) != 0)
                continue;
            cancellation.ThrowIfCancellationRequested();
            if (progress is null)
                continue;
            var now = Stopwatch.GetTimestamp();
            if (now < nextReport)
                continue;
            var seconds = Stopwatch.GetElapsedTime(started, now).TotalSeconds;
            var of = settings.Events == long.MaxValue
                ? ""
                : string.Create(CultureInfo.InvariantCulture, $" of {settings.Events:N0} ({100.0 * count / settings.Events:F0}%)");
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {count:N0}{of} events, {count / seconds:N0} events/s"));
            nextReport = now + ReportEvery;
        }
    }

    private static IEventSink CreateSink(OutputFormat format, Stream output) => format switch
    {
        OutputFormat.Csv => new CsvEventWriter(output),
        OutputFormat.Jsonl => new JsonlEventWriter(output),
        OutputFormat.Xes => new XesEventWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
