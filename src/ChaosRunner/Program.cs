using System.CommandLine;
using ChaosRunner.Broker;

// heuristics-bench: experiments, faults, measurements and reports arrive with issue #6.
// Implemented so far: `broker` (issue #4), the embedded Kafka-protocol broker.
var root = new RootCommand(
    "heuristics-bench: runs chaos experiments against the streaming heuristics miner. " +
    "Implemented so far: broker (the embedded Kafka-protocol broker).");
root.Subcommands.Add(BrokerCommand.Create());
return root.Parse(args).Invoke();
