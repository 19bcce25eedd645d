using System.Net;
using HeuristicsBench.Experiments;
using static HeuristicsBench.ChaosMesh.Tests.Runs;

namespace HeuristicsBench.ChaosMesh.Tests;

public sealed class KubernetesNemesisTests
{
    private static readonly KubernetesNemesisOptions Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20), InjectTimeout = TimeSpan.FromSeconds(5), RecoverTimeout = TimeSpan.FromSeconds(5),
    };

    private static (ChaosMeshClient Client, KubernetesNemesis Nemesis) Nemesis(FakeKubernetesApi api, ExperimentRun run, string runId = "00-s-i1") =>
        Make(new ChaosMeshClient(ChaosMeshClient.ForBaseUrl(api.BaseUrl), "bench"), run, runId);

    private static (ChaosMeshClient, KubernetesNemesis) Make(ChaosMeshClient client, ExperimentRun run, string runId) =>
        (client, new KubernetesNemesis(client, run, runId, Targets, DateTimeOffset.UtcNow, Fast));

    [Fact]
    public async Task A_window_creates_the_object_waits_for_injection_and_deletes_it_at_the_end()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.InjectAfterPolls = 3;
        var run = Run(TimeSpan.FromSeconds(5), Fault(FaultKind.NetworkDelay, FaultTarget.Miner, Once(0, 400), ("latency", Ms(100))));
        var (client, nemesis) = Nemesis(api, run);
        using (client)
        {
            await using (nemesis)
            {
                nemesis.Start(TestContext.Current.CancellationToken);
                await nemesis.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                Assert.Null(nemesis.Failure);
            }
            var create = Assert.Single(api.Requests, r => r.Method == "POST");
            Assert.Equal("/apis/chaos-mesh.org/v1alpha1/namespaces/bench/networkchaos", create.Path);
            Assert.Equal("NetworkChaos", create.Body!["kind"]!.GetValue<string>());
            Assert.Equal("00-s-i1", create.Body["metadata"]!["labels"]![ChaosMeshNames.RunLabel]!.GetValue<string>());
            Assert.Equal("100ms", create.Body["spec"]!["delay"]!["latency"]!.GetValue<string>());
            var name = create.Body["metadata"]!["name"]!.GetValue<string>();
            Assert.True(api.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/networkchaos/" + name, StringComparison.Ordinal)) >= 3, "polled until AllInjected");
            Assert.Contains(api.Requests, r => r.Method == "DELETE" && r.Path == $"/apis/chaos-mesh.org/v1alpha1/namespaces/bench/networkchaos/{name}");
            Assert.Empty(api.Stored);
            var applied = Assert.Single(nemesis.Applied);
            Assert.Equal("network-delay", applied.Kind);
            Assert.Equal("miner", applied.Target);
            Assert.Contains("latency=100ms", applied.Parameters, StringComparison.Ordinal);
            Assert.NotNull(applied.AppliedStart);
            Assert.NotNull(applied.AppliedEnd);
            Assert.True(applied.AppliedEnd >= applied.PlannedEnd - 0.01, "removed at the window's end, not before");
            Assert.Empty(nemesis.CleanupProblems);
        }
    }

    [Theory]
    [InlineData(500)]
    [InlineData(422)]
    public async Task A_failure_mid_apply_deletes_what_was_created_and_reports_the_error(int status)
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.FailWith = (method, path) => method == "POST" && path.EndsWith("/podchaos", StringComparison.Ordinal) ? status : null;
        var run = Run(TimeSpan.FromSeconds(30),
            Fault(FaultKind.NetworkDelay, FaultTarget.Miner, Once(0, 20_000), ("latency", Ms(100))),
            Fault(FaultKind.PodFailure, FaultTarget.Generator, Once(300, 1000)));
        var (client, nemesis) = Nemesis(api, run);
        using (client)
        {
            await using (nemesis)
            {
                nemesis.Start(TestContext.Current.CancellationToken);
                await nemesis.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                Assert.NotNull(nemesis.Failure);
                Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), nemesis.Failure.Message, StringComparison.Ordinal);
            }
            Assert.Contains(api.Requests, r => r.Method == "DELETE" && r.Path.Contains("/networkchaos/", StringComparison.Ordinal));
            Assert.Empty(api.Stored);
            Assert.Contains(nemesis.Applied, a => a.Kind == "pod-failure" && a.AppliedStart is null && a.Note.Contains("failed", StringComparison.Ordinal));
            Assert.Contains(nemesis.Applied, a => a.Kind == "network-delay" && a.Note.Contains("removed by halt", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Halt_deletes_active_objects_and_cancels_later_windows()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var run = Run(TimeSpan.FromSeconds(60),
            Fault(FaultKind.CpuStress, FaultTarget.Broker, Once(0, 30_000), ("threads", N(2)), ("percent", N(50))),
            Fault(FaultKind.ClockSkew, FaultTarget.Miner, Once(20_000, 1000), ("offset", Ms(-600_000))));
        var (client, nemesis) = Nemesis(api, run);
        using (client)
        {
            await using (nemesis)
            {
                nemesis.Start(TestContext.Current.CancellationToken);
                await WaitUntil(() => nemesis.ActiveCount == 1);
                Assert.Single(api.Stored);
                await nemesis.HaltAsync("abort condition");
                Assert.Empty(api.Stored);
                Assert.Equal(0, nemesis.ActiveCount);
            }
            Assert.Contains(nemesis.Applied, a => a.Kind == "cpu-stress" && a.Note.Contains("removed by halt: abort condition", StringComparison.Ordinal));
            Assert.Contains(nemesis.Applied, a => a.Kind == "clock-skew" && a.AppliedStart is null && a.Note.Contains("not applied", StringComparison.Ordinal));
            Assert.DoesNotContain(api.Requests, r => r.Method == "POST" && r.Path.EndsWith("/timechaos", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Cancellation_deletes_everything()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var run = Run(TimeSpan.FromSeconds(60), Fault(FaultKind.NetworkPartition, FaultTarget.Generator, Once(0, null)));
        var (client, nemesis) = Nemesis(api, run);
        using var ctrlC = new CancellationTokenSource();
        using (client)
        {
            await using (nemesis)
            {
                nemesis.Start(ctrlC.Token);
                await WaitUntil(() => nemesis.ActiveCount == 1);
                await ctrlC.CancelAsync();
                await nemesis.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            }
            Assert.Empty(api.Stored);
            Assert.Contains(nemesis.Applied, a => a.Note.Contains("removed by halt: cancelled", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_repeated_fault_runs_its_first_window_directly_and_the_rest_from_a_schedule_that_is_deleted_after_the_last()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.InjectAfterPolls = 1;
        var schedule = new FaultSchedule(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(900), 3);
        var run = Run(TimeSpan.FromSeconds(10), Fault(FaultKind.PodFailure, FaultTarget.Miner, schedule));
        var (client, nemesis) = Nemesis(api, run);
        using (client)
        {
            await using (nemesis)
            {
                nemesis.Start(TestContext.Current.CancellationToken);
                await nemesis.Completion.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
                Assert.Null(nemesis.Failure);
            }
            var posts = api.Requests.Where(r => r.Method == "POST").ToList();
            Assert.Equal(["/apis/chaos-mesh.org/v1alpha1/namespaces/bench/podchaos", "/apis/chaos-mesh.org/v1alpha1/namespaces/bench/schedules"], posts.Select(p => p.Path));
            var spec = posts[1].Body!["spec"]!;
            Assert.Equal("@every 900ms", spec["schedule"]!.GetValue<string>());
            Assert.Equal("PodChaos", spec["type"]!.GetValue<string>());
            Assert.Equal("pod-failure", spec["podChaos"]!["action"]!.GetValue<string>());
            Assert.Contains(api.Requests, r => r.Method == "DELETE" && r.Path.Contains("/schedules/", StringComparison.Ordinal));
            Assert.Empty(api.Stored);
            Assert.Equal([0, 1, 2], nemesis.Applied.Select(a => a.Repetition));
            Assert.All(nemesis.Applied, a => Assert.NotNull(a.AppliedStart));
            Assert.All(nemesis.Applied, a => Assert.NotNull(a.AppliedEnd));
            Assert.Contains("fired by Schedule", nemesis.Applied[1].Note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Halting_a_repeated_fault_deletes_its_schedule_too()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var schedule = new FaultSchedule(TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), 3);
        var run = Run(TimeSpan.FromSeconds(60), Fault(FaultKind.PodKill, FaultTarget.Generator, schedule with { Duration = TimeSpan.Zero }));
        var (client, nemesis) = Nemesis(api, run);
        using (client)
        {
            await using (nemesis)
            {
                nemesis.Start(TestContext.Current.CancellationToken);
                await WaitUntil(() => api.Stored.Any(s => s.Plural == "schedules"));
                await nemesis.HaltAsync("stop");
            }
            Assert.Contains(api.Requests, r => r.Method == "DELETE" && r.Path.Contains("/schedules/", StringComparison.Ordinal));
            Assert.Empty(api.Stored);
        }
    }

    [Fact]
    public async Task Cleanup_deletes_leftovers_carrying_the_run_label()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var leftover = ChaosMeshMapper.Map(Fault(FaultKind.PacketLoss, FaultTarget.Miner, Once(0, 100), ("percent", N(5))), 7, 0,
            (TimeSpan.Zero, TimeSpan.FromSeconds(1)), Targets, "00-s-i1");
        var other = ChaosMeshMapper.Map(Fault(FaultKind.PacketLoss, FaultTarget.Miner, Once(0, 100), ("percent", N(5))), 7, 0,
            (TimeSpan.Zero, TimeSpan.FromSeconds(1)), Targets, "another-run");
        api.Seed("networkchaos", leftover.ToBody());
        api.Seed("networkchaos", other.ToBody());
        var (client, nemesis) = Nemesis(api, Run(TimeSpan.FromSeconds(1)));
        using (client)
        {
            await using (nemesis)
                nemesis.Start(TestContext.Current.CancellationToken);
            Assert.Equal([("networkchaos", other.Name)], api.Stored);
            Assert.Contains(api.Requests, r => r.Method == "GET" && r.Query.Contains("labelSelector=heuristics-bench", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Unsupported_faults_are_refused_before_any_request()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var run = Run(TimeSpan.FromSeconds(10),
            Fault(FaultKind.NetworkDelay, FaultTarget.Miner, Once(0, 100), ("latency", Ms(10))),
            Fault(FaultKind.ClockSkew, FaultTarget.Miner, Once(0, 100), ("drift", N(50))),
            Fault(FaultKind.ConnectionLoss, FaultTarget.Generator, Once(0, 100), ("percent", N(10))));
        var (client, nemesis) = Nemesis(api, run);
        using (client)
        {
            await using (nemesis)
            {
                var error = Assert.Throws<ChaosMeshUnsupportedException>(() => nemesis.Start(TestContext.Current.CancellationToken));
                Assert.Equal(2, error.Problems.Count);
            }
            Assert.DoesNotContain(api.Requests, r => r.Method == "POST");
        }
    }

    [Fact]
    public async Task Api_errors_carry_the_status_and_the_servers_message()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.FailWith = (_, _) => (int)HttpStatusCode.Forbidden;
        using var client = new ChaosMeshClient(ChaosMeshClient.ForBaseUrl(api.BaseUrl), "bench");
        var error = await Assert.ThrowsAsync<ChaosMeshException>(() => client.ListAsync(ChaosKind.PodChaos, null, TestContext.Current.CancellationToken));
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("injected failure 403", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
