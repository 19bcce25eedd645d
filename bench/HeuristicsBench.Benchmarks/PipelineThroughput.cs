using System.Diagnostics;

namespace HeuristicsBench.Benchmarks;

/// <summary>
/// Generator -> broker -> miner, three real processes: the generator produces N events as fast as it can (or at
/// --rate); sampled every second: events acknowledged to the generator, events counted by the miner, the lag
/// between them. Sustained throughput = N / (generator start .. last event counted).
/// </summary>
public static class PipelineThroughput
{
    public static async Task<int> RunAsync(long events, int partitions, double? rate, TextWriter output)
    {
        await using var rig = await PipelineRig.StartAsync(partitions);
        await rig.StartMinerAsync();
        var miner = rig.Miner!;
        while (await miner.MetricAsync(rig.MinerHttp, "heuristics_miner_assigned_partitions") < partitions)
            await Task.Delay(100);
        string[] pacing = rate is { } r ? ["--rate", r.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
        var clock = Stopwatch.StartNew();
        using var generator = rig.StartGenerator(["--events", events.ToString(System.Globalization.CultureInfo.InvariantCulture), .. pacing]);
        output.WriteLine("  t(s)   produced     counted   in/s      out/s     lag");
        double produced = 0, counted = 0, lastProduced = 0, lastCounted = 0, maxLag = 0;
        var lastT = 0.0;
        while (counted < events)
        {
            await Task.Delay(1000);
            if (miner.HasExited)
                throw new InvalidOperationException("the miner exited:\n" + miner.Output);
            counted = await miner.MetricAsync(rig.MinerHttp, "heuristics_miner_events_valid_total");
            produced = rig.HighWatermarkSum(partitions);
            var t = clock.Elapsed.TotalSeconds;
            var lag = produced - counted;
            maxLag = Math.Max(maxLag, lag);
            output.WriteLine($"{t,6:F1} {produced,10:N0} {counted,11:N0} {(produced - lastProduced) / (t - lastT),9:N0} {(counted - lastCounted) / (t - lastT),9:N0} {lag,9:N0}");
            (lastProduced, lastCounted, lastT) = (produced, counted, t);
            if (t > 600)
                throw new TimeoutException("not done after 600 s");
        }
        var elapsed = clock.Elapsed;
        var latencySum = await miner.MetricAsync(rig.MinerHttp, "heuristics_miner_end_to_end_latency_seconds_sum");
        var latencyCount = await miner.MetricAsync(rig.MinerHttp, "heuristics_miner_end_to_end_latency_seconds_count");
        output.WriteLine($"{events:N0} events through generator -> broker -> miner in {PipelineRig.Seconds(elapsed)} s (1 s sampling): " +
            $"{events / elapsed.TotalSeconds:N0} events/s sustained; max lag {maxLag:N0} events; mean end-to-end latency {latencySum / latencyCount * 1000:F0} ms");
        return 0;
    }
}
