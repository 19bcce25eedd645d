using System.Diagnostics;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// The miner down for an outage while the generator keeps producing at a fixed rate: kill -9 at 10 s, restart after
/// the outage, then time until its next offsets reach the broker's high watermarks again (within 0.1 s of input).
/// </summary>
public static class RestartCatchUp
{
    public static async Task<int> RunAsync(double rate, TimeSpan outage, int partitions, TextWriter output)
    {
        await using var rig = await PipelineRig.StartAsync(partitions);
        await rig.StartMinerAsync();
        while (await rig.Miner!.MetricAsync(rig.MinerHttp, "heuristics_miner_assigned_partitions") < partitions)
            await Task.Delay(100);
        var total = TimeSpan.FromSeconds(10) + outage + TimeSpan.FromSeconds(30);
        using var generator = rig.StartGenerator("--rate", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "--duration", $"{(int)total.TotalSeconds}s");
        await Task.Delay(TimeSpan.FromSeconds(10));
        rig.Miner.Kill();
        output.WriteLine($"miner killed (SIGKILL) at 10 s; down for {outage.TotalSeconds:F0} s while {rate:N0} events/s keep coming");
        await Task.Delay(outage);
        var restart = Stopwatch.StartNew();
        await rig.StartMinerAsync();
        var miner = rig.Miner;
        TimeSpan? ready = null;
        var band = Math.Max(1, rate * 0.1);
        while (true)
        {
            await Task.Delay(100);
            if (miner.HasExited)
                throw new InvalidOperationException("the miner exited:\n" + miner.Output);
            if (ready is null && await miner.MetricAsync(rig.MinerHttp, "heuristics_miner_assigned_partitions") >= partitions)
                ready = restart.Elapsed;
            var high = rig.HighWatermarkSum(partitions);
            var next = await miner.MetricAsync(rig.MinerHttp, "heuristics_miner_partition_next_offset");
            if (ready is not null && !double.IsNaN(next) && high - next <= band)
                break;
            if (restart.Elapsed > TimeSpan.FromSeconds(120))
                throw new TimeoutException("not caught up 120 s after the restart:\n" + miner.Output);
        }
        output.WriteLine($"restart -> partitions assigned and restored: {PipelineRig.Seconds(ready!.Value)} s; restart -> caught up (lag <= {band:N0} events): " +
            $"{PipelineRig.Seconds(restart.Elapsed)} s beyond the outage");
        output.WriteLine("(the restarted process's start-up, group join and checkpoint load are included; the 100 ms sampling bounds the resolution)");
        return 0;
    }
}
