using System.CommandLine;
using ChaosRunner;
using ChaosRunner.Analyze;
using ChaosRunner.Broker;
using ChaosRunner.Proxy;
using ChaosRunner.Stress;
using ChaosRunner.Validate;

// heuristics-bench: experiments, faults, measurements and reports arrive with issue #6.
// Implemented so far: `broker` (issue #4), the embedded Kafka-protocol broker, `analyze`, the reference
// paper's recovery times from lag logs, `validate`, the check of experiment files (run comes later), and `proxy`,
// the TCP fault proxy (Toxiproxy's model and API), and `stress`, CPU pressure for experiments.
var root = new RootCommand(
    "heuristics-bench: runs chaos experiments against the streaming heuristics miner. " +
    "Implemented so far: broker (the embedded Kafka-protocol broker), analyze (the paper's recovery times from lag logs), " +
    "validate (check experiment files), proxy (the TCP fault proxy) and stress (CPU pressure).");
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

return parse.Invoke();
