using System.Globalization;
using HeuristicsBench.ServiceHost;
using HeuristicsMiner.Checkpoints;
using HeuristicsMiner.Serving;

namespace HeuristicsMiner.Cli;

/// <summary>Runs <c>serve</c>: signals, the checkpoint store, the service; log lines on standard error.</summary>
public static class ServeCli
{
    public static async Task<int> RunAsync(ServeSettings settings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        void Log(string line)
        {
            lock (log)
                log.WriteLine($"{DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {line}");
        }
        using var shutdown = new ShutdownSignal();
        ICheckpointStore store;
        try
        {
            store = CheckpointStoreSpec.Parse(settings.CheckpointStore)
                .Create(settings.Bootstrap, settings.Group, Log, settings.ProducerConfig, settings.ConsumerConfig);
        }
        catch (CheckpointClientSettingsException e)
        {
            Log($"error: the producer settings (--producer-config) are not valid for the checkpoint store: {e.InnerException?.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Log($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        Log($"heuristics-miner serve: {settings.Bootstrap} {settings.InputTopic} -> {settings.ModelTopic}, group {settings.Group}, " +
            $"instance {settings.Instance}, checkpoints in {store.Description}");
        try
        {
            var code = await MinerService.RunAsync(settings, store, Log, shutdown.Token).ConfigureAwait(false);
            if (shutdown.Signal is { } signal)
                Log($"{signal} handled: exiting with {code}");
            return code;
        }
        catch (IOException e)
        {
            Log($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
