using System.Text.Json.Nodes;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.Runs;

namespace HeuristicsBench.ChaosMesh;

/// <summary>
/// Applies a run's faults on schedule through Chaos Mesh and records every window as applied — the Kubernetes
/// counterpart of the local nemesis. At a window's start it creates the window's object and waits for
/// AllInjected=True; at its end it deletes the object and waits until it is gone (Chaos Mesh removes it once
/// recovered). A repeated fault's first window is such an object; the later ones are the children of a Schedule
/// created at the first window's start (its <c>@every</c> fires one interval later) and deleted after the last window.
/// Every object created is tracked; <see cref="HaltAsync"/> and <see cref="DisposeAsync"/> delete all of them and
/// whatever else carries the run's label, whatever ended the run. The first API failure halts the run:
/// <see cref="Failure"/> says why.
/// </summary>
public sealed class KubernetesNemesis : IAsyncDisposable
{
    private readonly ChaosMeshClient _client;
    private readonly ExperimentRun _run;
    private readonly string _runId;
    private readonly ChaosMeshTargets _targets;
    private readonly DateTimeOffset _start;
    private readonly KubernetesNemesisOptions _options;
    private readonly CancellationTokenSource _halt = new();
    private readonly List<AppliedFault> _applied = [];
    private readonly HashSet<string> _active = [];
    private readonly List<(ChaosKind Kind, string Name)> _created = [];
    private readonly Dictionary<string, string> _scheduleUids = [];
    private readonly List<string> _cleanupProblems = [];
    private readonly SemaphoreSlim _sweep = new(1, 1);
    private readonly List<Task> _windows = [];
    private CancellationTokenRegistration _cancelRegistration;
    private Task _failureHalt = Task.CompletedTask;
    private Exception? _failure;
    private string? _haltReason;
    private bool _swept;

    /// <param name="runId">Names and labels every object (see <see cref="ChaosMeshNames"/>).</param>
    /// <param name="start">The run's start: windows are relative to it.</param>
    public KubernetesNemesis(ChaosMeshClient client, ExperimentRun run, string runId, ChaosMeshTargets targets, DateTimeOffset start, KubernetesNemesisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(targets);
        _client = client;
        _run = run;
        _runId = runId;
        _targets = targets;
        _start = start;
        _options = options ?? new KubernetesNemesisOptions();
    }

    /// <summary>Windows whose object is injected and not yet removed.</summary>
    public int ActiveCount
    {
        get
        {
            lock (_active)
                return _active.Count;
        }
    }

    public IReadOnlyList<AppliedFault> Applied
    {
        get
        {
            lock (_applied)
                return [.. _applied.OrderBy(a => a.PlannedStart).ThenBy(a => a.FaultIndex)];
        }
    }

    /// <summary>The first failure (an API error or a timeout); it halted the run. Null when none.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>What cleanup could not delete or did not see disappear (empty: everything is gone).</summary>
    public IReadOnlyList<string> CleanupProblems
    {
        get
        {
            lock (_cleanupProblems)
                return [.. _cleanupProblems];
        }
    }

    /// <summary>Waits until every scheduled window has ended (or was halted).</summary>
    public Task Completion => Task.WhenAll(_windows);

    /// <summary>
    /// Maps every window (throwing <see cref="ChaosMeshUnsupportedException"/> before anything is created) and schedules
    /// them; returns at once. <paramref name="cancellationToken"/> (e.g. Ctrl-C) halts the run and cleans up.
    /// </summary>
    public void Start(CancellationToken cancellationToken = default)
    {
        var problems = ChaosMeshMapper.Validate(_run, _targets);
        if (problems.Count > 0)
            throw new ChaosMeshUnsupportedException(problems);
        var plans = new List<Func<Task>>();
        for (var i = 0; i < _run.Faults.Count; i++)
        {
            var index = i;
            var fault = _run.Faults[i];
            var windows = fault.Schedule.Windows(_run.Duration);
            var first = ChaosMeshMapper.Map(fault, index, 0, windows[0], _targets, _runId);
            if (windows.Count == 1)
            {
                plans.Add(() => RunDirectWindowAsync(index, fault, first, windows[0], null, null));
                continue;
            }
            var schedule = ChaosMeshMapper.MapSchedule(fault, index, _run.Duration, _targets, _runId);
            var scheduled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            plans.Add(() => RunDirectWindowAsync(index, fault, first, windows[0], schedule, scheduled));
            for (var r = 1; r < windows.Count; r++)
            {
                var repetition = r;
                plans.Add(() => RunScheduledWindowAsync(index, repetition, fault, schedule, windows[repetition], repetition == windows.Count - 1, scheduled, claimed));
            }
        }
        foreach (var plan in plans)
            _windows.Add(plan());
        if (cancellationToken.CanBeCanceled)
            _cancelRegistration = cancellationToken.Register(() => _failureHalt = HaltAsync("cancelled"));
    }

    private async Task RunDirectWindowAsync(int index, Fault fault, ChaosObject chaos, (TimeSpan Start, TimeSpan End) window,
        ChaosObject? schedule, TaskCompletionSource<string>? scheduled)
    {
        var key = chaos.Name;
        double? appliedStart = null;
        double? appliedEnd = null;
        var notes = new List<string>();
        if (chaos.Note.Length > 0)
            notes.Add(chaos.Note);
        try
        {
            await DelayUntil(_start + window.Start).ConfigureAwait(false);
            await CreateTrackedAsync(chaos).ConfigureAwait(false);
            if (schedule is not null)
            {
                var created = await CreateTrackedAsync(schedule).ConfigureAwait(false);
                var uid = ChaosStatus.Uid(created) ?? "";
                lock (_scheduleUids)
                    _scheduleUids[schedule.Name] = uid;
                scheduled!.TrySetResult(uid);
                notes.Add($"Schedule {schedule.Name} created for the later repetitions");
            }
            var injected = await WaitInjectedAsync(chaos.Kind, chaos.Name).ConfigureAwait(false);
            appliedStart = Now();
            lock (_active)
                _active.Add(key);
            notes.Add($"{chaos.Kind.Kind} {chaos.Name} injected ({ChaosStatus.Describe(injected)})");
            if (IsInstant(fault, window))
            {
                await DeleteAndWaitGoneAsync(chaos.Kind, chaos.Name).ConfigureAwait(false);
                appliedEnd = appliedStart;
            }
            else
            {
                await DelayUntil(_start + window.End).ConfigureAwait(false);
                await DeleteAndWaitGoneAsync(chaos.Kind, chaos.Name).ConfigureAwait(false);
                appliedEnd = Now();
                notes.Add("deleted and recovered");
            }
        }
        catch (OperationCanceledException) when (_halt.IsCancellationRequested)
        {
            scheduled?.TrySetCanceled();
            notes.Add(appliedStart is null ? "not applied: " + (_haltReason ?? "the run ended") : "removed by halt: " + (_haltReason ?? "the run ended"));
            if (appliedStart is not null)
                appliedEnd = Now();
        }
        catch (ChaosMeshException e)
        {
            scheduled?.TrySetException(e);
            notes.Add("failed: " + e.Message);
            Fail(e, index);
        }
        finally
        {
            lock (_active)
                _active.Remove(key);
            Record(index, 0, fault, window, appliedStart, appliedEnd, notes);
        }
    }

    private async Task RunScheduledWindowAsync(int index, int repetition, Fault fault, ChaosObject schedule, (TimeSpan Start, TimeSpan End) window,
        bool last, TaskCompletionSource<string> scheduled, HashSet<string> claimed)
    {
        var key = schedule.Name + "#" + repetition;
        var kind = ChaosKind.ByKind(schedule.Spec["type"]!.GetValue<string>());
        double? appliedStart = null;
        double? appliedEnd = null;
        var notes = new List<string>();
        if (schedule.Note.Length > 0)
            notes.Add(schedule.Note);
        try
        {
            await DelayUntil(_start + window.Start).ConfigureAwait(false);
            var uid = await scheduled.Task.WaitAsync(_halt.Token).ConfigureAwait(false);
            var child = await WaitChildAsync(schedule.Name, uid, kind, claimed).ConfigureAwait(false);
            var injected = await WaitInjectedAsync(kind, child).ConfigureAwait(false);
            appliedStart = Now();
            lock (_active)
                _active.Add(key);
            notes.Add($"{kind.Kind} {child} fired by Schedule {schedule.Name} injected ({ChaosStatus.Describe(injected)})");
            if (IsInstant(fault, window))
            {
                appliedEnd = appliedStart;
            }
            else
            {
                await DelayUntil(_start + window.End).ConfigureAwait(false);
                await WaitRecoveredAsync(kind, child).ConfigureAwait(false);
                appliedEnd = Now();
                notes.Add("recovered");
            }
            if (last)
            {
                await DeleteAndWaitGoneAsync(ChaosKind.Schedule, schedule.Name).ConfigureAwait(false);
                notes.Add($"Schedule {schedule.Name} deleted after the last repetition");
            }
        }
        catch (OperationCanceledException) when (_halt.IsCancellationRequested)
        {
            notes.Add(appliedStart is null ? "not applied: " + (_haltReason ?? "the run ended") : "removed by halt: " + (_haltReason ?? "the run ended"));
            if (appliedStart is not null)
                appliedEnd = Now();
        }
        catch (ChaosMeshException e)
        {
            notes.Add("failed: " + e.Message);
            Fail(e, index);
        }
        finally
        {
            lock (_active)
                _active.Remove(key);
            Record(index, repetition, fault, window, appliedStart, appliedEnd, notes);
        }
    }

    private static bool IsInstant(Fault fault, (TimeSpan Start, TimeSpan End) window) =>
        fault.Kind == FaultKind.PodKill || (fault.Kind == FaultKind.BrokerKill && window.End == window.Start);

    private async Task<JsonObject> CreateTrackedAsync(ChaosObject chaos)
    {
        // tracked before the request: a create that times out may still have happened
        lock (_created)
            _created.Add((chaos.Kind, chaos.Name));
        _halt.Token.ThrowIfCancellationRequested();
        return await _client.CreateAsync(chaos, _halt.Token).ConfigureAwait(false);
    }

    private async Task<JsonObject> WaitInjectedAsync(ChaosKind kind, string name)
    {
        var deadline = DateTimeOffset.UtcNow + _options.InjectTimeout;
        while (true)
        {
            var current = await _client.GetAsync(kind, name, _halt.Token).ConfigureAwait(false)
                ?? throw new ChaosMeshException($"{kind.Kind} {name} disappeared before it was injected");
            if (ChaosStatus.Condition(current, "AllInjected") == true)
                return current;
            if (DateTimeOffset.UtcNow >= deadline)
                throw new ChaosMeshException($"{kind.Kind} {name} not injected within {ChaosMeshDuration.Format(_options.InjectTimeout)}: {ChaosStatus.Describe(current)}");
            await Task.Delay(_options.PollInterval, _halt.Token).ConfigureAwait(false);
        }
    }

    private async Task WaitRecoveredAsync(ChaosKind kind, string name)
    {
        var deadline = DateTimeOffset.UtcNow + _options.RecoverTimeout;
        while (true)
        {
            var current = await _client.GetAsync(kind, name, _halt.Token).ConfigureAwait(false);
            if (current is null || ChaosStatus.Condition(current, "AllRecovered") == true)
                return;
            if (DateTimeOffset.UtcNow >= deadline)
                throw new ChaosMeshException($"{kind.Kind} {name} not recovered within {ChaosMeshDuration.Format(_options.RecoverTimeout)}: {ChaosStatus.Describe(current)}");
            await Task.Delay(_options.PollInterval, _halt.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The child a Schedule fired for this repetition: owned by the Schedule or listed in its status.active, not taken by an earlier repetition.</summary>
    private async Task<string> WaitChildAsync(string scheduleName, string scheduleUid, ChaosKind kind, HashSet<string> claimed)
    {
        var deadline = DateTimeOffset.UtcNow + _options.InjectTimeout;
        while (true)
        {
            var schedule = await _client.GetAsync(ChaosKind.Schedule, scheduleName, _halt.Token).ConfigureAwait(false)
                ?? throw new ChaosMeshException($"Schedule {scheduleName} disappeared");
            var active = ChaosStatus.Active(schedule);
            var candidates = (await _client.ListAsync(kind, null, _halt.Token).ConfigureAwait(false))
                .Where(o => (scheduleUid.Length > 0 && ChaosStatus.OwnedBy(o, scheduleUid)) || active.Contains(ChaosStatus.Name(o) ?? ""))
                .OrderBy(o => o["metadata"]?["creationTimestamp"]?.ToString(), StringComparer.Ordinal)
                .Select(o => ChaosStatus.Name(o)!)
                .ToList();
            lock (claimed)
            {
                var fresh = candidates.FirstOrDefault(n => !claimed.Contains(n));
                if (fresh is not null)
                {
                    claimed.Add(fresh);
                    return fresh;
                }
            }
            if (DateTimeOffset.UtcNow >= deadline)
                throw new ChaosMeshException($"Schedule {scheduleName} fired no new {kind.Kind} within {ChaosMeshDuration.Format(_options.InjectTimeout)} of the planned start");
            await Task.Delay(_options.PollInterval, _halt.Token).ConfigureAwait(false);
        }
    }

    private async Task DeleteAndWaitGoneAsync(ChaosKind kind, string name)
    {
        // removal runs to the end even during a halt: a half-removed fault must not stay behind
        using var timeout = new CancellationTokenSource(_options.RecoverTimeout);
        await _client.DeleteAsync(kind, name, timeout.Token).ConfigureAwait(false);
        while (await _client.GetAsync(kind, name, timeout.Token).ConfigureAwait(false) is { } current)
        {
            if (timeout.IsCancellationRequested)
                throw new ChaosMeshException($"{kind.Kind} {name} still present {ChaosMeshDuration.Format(_options.RecoverTimeout)} after deletion: {ChaosStatus.Describe(current)}");
            try
            {
                await Task.Delay(_options.PollInterval, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new ChaosMeshException($"{kind.Kind} {name} still present {ChaosMeshDuration.Format(_options.RecoverTimeout)} after deletion: {ChaosStatus.Describe(current)}");
            }
        }
    }

    private void Fail(Exception e, int index)
    {
        if (Interlocked.CompareExchange(ref _failure, e, null) is null)
            _failureHalt = HaltAsync($"faults[{index}] failed: {e.Message}");
    }

    /// <summary>Stops the schedule, deletes every object created (and every leftover with the run's label), and waits until they are gone.</summary>
    public async Task HaltAsync(string reason)
    {
        _haltReason ??= reason;
        await _halt.CancelAsync().ConfigureAwait(false);
        try
        {
            await Completion.WaitAsync(_options.RecoverTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        await SweepAsync().ConfigureAwait(false);
    }

    private async Task SweepAsync()
    {
        await _sweep.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_swept)
                return;
            _swept = true;
            List<(ChaosKind Kind, string Name)> targets;
            lock (_created)
                targets = [.. _created.OrderBy(c => c.Kind == ChaosKind.Schedule ? 0 : 1)];
            foreach (var kind in ChaosKind.All)
            {
                try
                {
                    foreach (var leftover in await ListQuietly(kind, ChaosMeshNames.RunSelector(_runId)).ConfigureAwait(false))
                        targets.Add((kind, leftover));
                }
                catch (ChaosMeshException e)
                {
                    Problem($"listing {kind.Plural} with label {ChaosMeshNames.RunSelector(_runId)}: {e.Message}");
                }
            }
            // children of our Schedules go with them (owner references), unless the API server's garbage collector lags
            Dictionary<string, string> schedules;
            lock (_scheduleUids)
                schedules = new(_scheduleUids);
            foreach (var uid in schedules.Values.Where(u => u.Length > 0))
            {
                foreach (var kind in ChaosKind.All.Where(k => k != ChaosKind.Schedule))
                {
                    try
                    {
                        var all = await _client.ListAsync(kind, null, CancellationToken.None).ConfigureAwait(false);
                        targets.AddRange(all.Where(o => ChaosStatus.OwnedBy(o, uid)).Select(o => (kind, ChaosStatus.Name(o)!)));
                    }
                    catch (ChaosMeshException e)
                    {
                        Problem($"listing {kind.Plural} fired by our Schedules: {e.Message}");
                    }
                }
            }
            foreach (var (kind, name) in targets.Distinct())
            {
                try
                {
                    await DeleteAndWaitGoneAsync(kind, name).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ChaosMeshException or OperationCanceledException)
                {
                    Problem($"{kind.Kind} {name}: {e.Message}");
                }
            }
        }
        finally
        {
            _sweep.Release();
        }
    }

    private async Task<IEnumerable<string>> ListQuietly(ChaosKind kind, string selector)
    {
        using var timeout = new CancellationTokenSource(_options.RecoverTimeout);
        var items = await _client.ListAsync(kind, selector, timeout.Token).ConfigureAwait(false);
        return items.Select(ChaosStatus.Name).OfType<string>();
    }

    private void Problem(string text)
    {
        lock (_cleanupProblems)
            _cleanupProblems.Add(text);
    }

    private void Record(int index, int repetition, Fault fault, (TimeSpan Start, TimeSpan End) window, double? appliedStart, double? appliedEnd, List<string> notes)
    {
        var applied = new AppliedFault(index, repetition, FaultKindSpec.For(fault.Kind).Name, fault.Target.ToString().ToLowerInvariant(),
            string.Join(' ', fault.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            Unix(_start + window.Start), Unix(_start + window.End), appliedStart, appliedEnd, string.Join("; ", notes));
        lock (_applied)
            _applied.Add(applied);
    }

    private async Task DelayUntil(DateTimeOffset when)
    {
        var wait = when - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, _halt.Token).ConfigureAwait(false);
        _halt.Token.ThrowIfCancellationRequested();
    }

    private static double Now() => Unix(DateTimeOffset.UtcNow);

    private static double Unix(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Halts (if nothing did) and waits for cleanup; every object this nemesis created is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cancelRegistration.DisposeAsync().ConfigureAwait(false);
        if (!_halt.IsCancellationRequested)
            await HaltAsync("the run ended").ConfigureAwait(false);
        await _failureHalt.ConfigureAwait(false);
        await SweepAsync().ConfigureAwait(false);
        _halt.Dispose();
        _sweep.Dispose();
    }
}
