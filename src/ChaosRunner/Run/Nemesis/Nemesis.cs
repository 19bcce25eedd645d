using System.Globalization;
using System.Net.Http.Json;
using ChaosRunner.Run.Local;
using ChaosRunner.Run.Processes;
using HeuristicsBench.Experiments;
using HeuristicsBench.Results.Runs;

namespace ChaosRunner.Run.Nemesis;

/// <summary>
/// Applies a run's faults on schedule against the local cluster and records every window as applied. Network faults
/// are toxics on the target's fault proxy; pod-kill is SIGKILL and an immediate restart; pod-failure SIGKILL and a
/// restart when the window ends; clock skew goes through the service's /control/clock (re-applied when a fault restarts
/// the process inside the window); CPU stress is a separate stress process; broker-kill kills and restarts the broker.
/// <see cref="HaltAsync"/> removes every active fault at once and cancels the rest of the schedule.
/// </summary>
public sealed class Nemesis : IAsyncDisposable
{
    private readonly LocalCluster _cluster;
    private readonly RunPlan _plan;
    private readonly DateTimeOffset _start;
    private readonly Func<CancellationToken, Task> _restartGenerator;
    private readonly CancellationTokenSource _halt = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<AppliedFault> _applied = [];
    private readonly Dictionary<string, Func<Task<string>>> _active = [];
    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly List<Task> _windows = [];
    private readonly Dictionary<ServiceRole, object> _skews = [];
    private string? _haltReason;

    /// <param name="restartGenerator">Starts a new generator incarnation for the rest of the workload.</param>
    public Nemesis(LocalCluster cluster, RunPlan plan, DateTimeOffset start, Func<CancellationToken, Task> restartGenerator)
    {
        _cluster = cluster;
        _plan = plan;
        _start = start;
        _restartGenerator = restartGenerator;
    }

    /// <summary>Whether removing a pod-failure or broker-kill at a halt restarts the process (false on Ctrl-C: everything is stopped anyway).</summary>
    public bool RestartOnHalt { get; set; } = true;

    /// <summary>Faults injected and not yet removed.</summary>
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

    /// <summary>Schedules every window of every fault (returns at once).</summary>
    public void Start()
    {
        var faults = _plan.Run.Faults;
        for (var i = 0; i < faults.Count; i++)
        {
            var windows = faults[i].Schedule.Windows(_plan.Run.Duration);
            for (var r = 0; r < windows.Count; r++)
                _windows.Add(RunWindowAsync(i, r, faults[i], windows[r].Start, windows[r].End));
        }
    }

    /// <summary>Waits until every scheduled window has ended (or was halted).</summary>
    public Task Completion => Task.WhenAll(_windows);

    private async Task RunWindowAsync(int index, int repetition, Fault fault, TimeSpan from, TimeSpan to)
    {
        var plannedStart = Unix(_start + from);
        var plannedEnd = Unix(_start + to);
        var key = $"f{index}r{repetition}";
        double? appliedStart = null;
        double? appliedEnd = null;
        var notes = new List<string>();
        try
        {
            await DelayUntil(_start + from).ConfigureAwait(false);
            Func<Task<string>> remove;
            await _serial.WaitAsync(_halt.Token).ConfigureAwait(false);
            try
            {
                _halt.Token.ThrowIfCancellationRequested();
                (var note, remove) = await ApplyAsync(fault, key).ConfigureAwait(false);
                notes.Add(note);
                appliedStart = Now();
                lock (_active)
                    _active[key] = remove;
            }
            finally
            {
                _serial.Release();
            }
            if (_halt.IsCancellationRequested)
            {
                // a halt came while this fault was being applied: it must not stay behind
                await RemoveAsync(key, notes).ConfigureAwait(false);
                _halt.Token.ThrowIfCancellationRequested();
            }
            if (fault.Kind == FaultKind.PodKill || (fault.Kind == FaultKind.BrokerKill && to == from))
            {
                await RemoveAsync(key, notes).ConfigureAwait(false);
                appliedEnd = appliedStart;
            }
            else
            {
                await DelayUntil(_start + to).ConfigureAwait(false);
                await RemoveAsync(key, notes).ConfigureAwait(false);
                appliedEnd = Now();
            }
        }
        catch (OperationCanceledException) when (_halt.IsCancellationRequested)
        {
            notes.Add(appliedStart is null ? "not applied: " + (_haltReason ?? "the run ended") : "removed by halt: " + (_haltReason ?? "the run ended"));
            if (appliedStart is not null)
                appliedEnd = Now();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything else (a timeout, a refused request, a process that would not start) is this window's failure,
            // not the run's: the fault is recorded as failed and whatever of it was registered is removed.
            notes.Add("failed: " + (e is OperationCanceledException ? "timed out" : e.Message.Split('\n')[0]));
            await RemoveQuietlyAsync(key, notes).ConfigureAwait(false);
            if (appliedStart is not null)
                appliedEnd = Now();
        }
        lock (_applied)
        {
            _applied.Add(new AppliedFault(index, repetition, FaultKindSpec.For(fault.Kind).Name, fault.Target.ToString().ToLowerInvariant(),
                Describe(fault), plannedStart, plannedEnd, appliedStart, appliedEnd, string.Join("; ", notes)));
        }
    }

    private async Task RemoveQuietlyAsync(string key, List<string> notes)
    {
        try
        {
            await RemoveAsync(key, notes).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            notes.Add("removal failed: " + e.Message.Split('\n')[0]);
        }
    }

    private async Task RemoveAsync(string key, List<string> notes)
    {
        Func<Task<string>>? remove;
        lock (_active)
        {
            if (!_active.Remove(key, out remove))
                return;
        }
        await _serial.WaitAsync().ConfigureAwait(false);
        try
        {
            var note = await remove().ConfigureAwait(false);
            if (note.Length > 0)
                notes.Add(note);
        }
        finally
        {
            _serial.Release();
        }
    }

    private async Task<(string Note, Func<Task<string>> Remove)> ApplyAsync(Fault fault, string key)
    {
        var role = fault.Target switch
        {
            FaultTarget.Miner => ServiceRole.Miner,
            FaultTarget.Generator => ServiceRole.Generator,
            _ => ServiceRole.Broker,
        };
        if (FaultToxics.IsNetwork(fault.Kind))
        {
            var proxy = LocalCluster.ProxyName(role);
            var toxics = FaultToxics.For(fault, key);
            var added = new List<HeuristicsBench.FaultProxy.ToxicSpec>();
            try
            {
                foreach (var t in toxics)
                {
                    _cluster.Proxies.AddToxic(proxy, t);
                    added.Add(t);
                }
            }
            catch (HeuristicsBench.FaultProxy.FaultProxyException)
            {
                // never leave half a fault (one direction of a partition) behind
                foreach (var t in added)
                    _cluster.Proxies.RemoveToxic(proxy, t.Name);
                throw;
            }
            var note = $"toxics {string.Join(", ", toxics.Select(t => t.Type + "/" + t.Stream.ToString().ToLowerInvariant()))} on the {proxy} proxy";
            if (fault.Kind == FaultKind.NetworkDelay && fault.NumberParameter("correlation") != 0)
                note += " (correlation is not modelled by the proxy and was ignored)";
            if (fault.Kind == FaultKind.PacketLoss && FaultToxics.LossPercent(fault.NumberParameter("percent")) != fault.NumberParameter("percent"))
                note += string.Create(CultureInfo.InvariantCulture, $" (loss rounded to {FaultToxics.LossPercent(fault.NumberParameter("percent"))}%: the proxy takes whole percents)");
            return (note, () =>
            {
                foreach (var t in toxics)
                {
                    try
                    {
                        _cluster.Proxies.RemoveToxic(proxy, t.Name);
                    }
                    catch (HeuristicsBench.FaultProxy.FaultProxyException)
                    {
                        // already removed by a halt
                    }
                }
                return Task.FromResult("");
            });
        }

        switch (fault.Kind)
        {
            case FaultKind.PodKill:
            {
                var pid = await _cluster.KillAsync(role).ConfigureAwait(false);
                var reapplied = await RestartAsync(role).ConfigureAwait(false);
                var note = (pid is null ? $"{Name(role)} was down; restarted as pid {_cluster.Current(role)?.Id}" : $"killed pid {pid}, restarted as pid {_cluster.Current(role)?.Id}") + reapplied;
                return (note, () => Task.FromResult(""));
            }
            case FaultKind.PodFailure:
            {
                var pid = await _cluster.KillAsync(role).ConfigureAwait(false);
                return (pid is null ? $"{Name(role)} was already down" : $"killed pid {pid}", async () =>
                {
                    if (_cluster.Current(role) is not null)
                        return "";
                    if (_halt.IsCancellationRequested && !RestartOnHalt)
                        return "left down (interrupted)";
                    var reapplied = await RestartAsync(role).ConfigureAwait(false);
                    return $"restarted as pid {_cluster.Current(role)?.Id}{reapplied}";
                });
            }
            case FaultKind.BrokerKill:
            {
                var pid = await _cluster.KillAsync(ServiceRole.Broker).ConfigureAwait(false);
                return ($"killed broker pid {pid}", async () =>
                {
                    if (_cluster.Broker is not null)
                        return "";
                    if (_halt.IsCancellationRequested && !RestartOnHalt)
                        return "left down (interrupted)";
                    await _cluster.StartBrokerAsync(CancellationToken.None).ConfigureAwait(false);
                    return $"restarted broker as pid {_cluster.Broker?.Id}";
                });
            }
            case FaultKind.ClockSkew:
            {
                var offsetMs = fault.DurationParameter("offset").TotalMilliseconds;
                var drift = fault.NumberParameter("drift");
                var url = _cluster.HttpBase(role) + "/control/clock";
                var body = new { offsetMs, driftPpm = drift };
                try
                {
                    using var response = await _http.PutAsJsonAsync(url, body).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // the service may have applied it and answered late: take it back before reporting the failure
                    try
                    {
                        using var undo = await _http.DeleteAsync(url).ConfigureAwait(false);
                    }
                    catch (Exception undoFailure) when (undoFailure is HttpRequestException or TaskCanceledException)
                    {
                    }
                    throw;
                }
                lock (_skews)
                    _skews[role] = body;
                return (string.Create(CultureInfo.InvariantCulture, $"clock of {Name(role)} pid {_cluster.Current(role)?.Id} offset {offsetMs} ms, drift {drift} ppm"), async () =>
                {
                    lock (_skews)
                        _skews.Remove(role);
                    try
                    {
                        using var response = await _http.DeleteAsync(url).ConfigureAwait(false);
                        response.EnsureSuccessStatusCode();
                        return "clock reset";
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return "clock reset failed (the process may have restarted with a true clock): " + e.Message;
                    }
                });
            }
            case FaultKind.CpuStress:
            {
                var threads = (int)fault.NumberParameter("threads");
                var percent = fault.NumberParameter("percent");
                var stress = await _cluster.StartStressAsync(threads, percent, _halt.Token).ConfigureAwait(false);
                return (string.Create(CultureInfo.InvariantCulture, $"stress pid {stress.Id}: {threads} threads at {percent}% (locally the whole machine is loaded, not only the {Name(role)})"), async () =>
                {
                    await stress.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                    stress.Dispose();
                    return "stress stopped";
                });
            }
            default:
                throw new InvalidOperationException($"fault kind {fault.Kind} has no local implementation");
        }
    }

    /// <summary>Restarts a role's process; a clock skew active on it is applied again. Returns a note suffix.</summary>
    private async Task<string> RestartAsync(ServiceRole role)
    {
        switch (role)
        {
            case ServiceRole.Miner:
                await _cluster.StartMinerAsync(CancellationToken.None).ConfigureAwait(false);
                break;
            case ServiceRole.Generator:
                await _restartGenerator(CancellationToken.None).ConfigureAwait(false);
                break;
            default:
                await _cluster.StartBrokerAsync(CancellationToken.None).ConfigureAwait(false);
                return "";
        }
        object? skew;
        lock (_skews)
            _skews.TryGetValue(role, out skew);
        if (skew is null || _cluster.Current(role) is null)
            return "";
        try
        {
            using var response = await _http.PutAsJsonAsync(_cluster.HttpBase(role) + "/control/clock", skew).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return "; its clock skew applied again";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "; its clock skew could not be applied again: " + e.Message;
        }
    }

    /// <summary>Removes every active fault at once and cancels every window not yet begun.</summary>
    public async Task HaltAsync(string reason)
    {
        _haltReason ??= reason;
        await _halt.CancelAsync().ConfigureAwait(false);
        KeyValuePair<string, Func<Task<string>>>[] active;
        lock (_active)
        {
            active = [.. _active];
            _active.Clear();
        }
        _cluster.Proxies.Reset();
        foreach (var (_, remove) in active)
        {
            try
            {
                await remove().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // the halt goes on with the other faults; the run's checkers see what is left
            }
        }
        try
        {
            await Completion.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task DelayUntil(DateTimeOffset when)
    {
        var wait = when - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, _halt.Token).ConfigureAwait(false);
        _halt.Token.ThrowIfCancellationRequested();
    }

    private static string Name(ServiceRole role) => role.ToString().ToLowerInvariant();

    private static string Describe(Fault fault) =>
        string.Join(' ', fault.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private static double Now() => Unix(DateTimeOffset.UtcNow);

    private static double Unix(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;

    public async ValueTask DisposeAsync()
    {
        if (!_halt.IsCancellationRequested)
            await HaltAsync("the run ended").ConfigureAwait(false);
        _http.Dispose();
        _halt.Dispose();
        _serial.Dispose();
    }
}
