using System.CommandLine;
using ChaosRunner;
using ChaosRunner.Analyze;
using ChaosRunner.Broker;
using ChaosRunner.Proxy;
using ChaosRunner.Run;
using ChaosRunner.Stress;
using ChaosRunner.Validate;

// heuristics-bench: `run` carries out experiment files (docs/experiments.md) against the local system of child
// processes; `broker` is the embedded Kafka-protocol broker, `proxy` the TCP fault proxy, `stress` CPU pressure,
// `analyze` the paper's recovery times from lag logs, `validate` the check of experiment files.
var root = new RootCommand(
    "heuristics-bench: runs chaos experiments against the streaming heuristics miner: run (an experiment file), " +
    "validate (check experiment files), analyze (the paper's recovery times from lag logs), broker (the embedded " +
    "Kafka-protocol broker), proxy (the TCP fault proxy) and stress (CPU pressure).");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(BrokerCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(ProxyCommand.Create());
root.Subcommands.Add(StressCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.BadInput;
}

return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
