using System.CommandLine;
using BenchmarkDotNet.Running;
using HeuristicsBench.Benchmarks;

var events = new Option<long>("--events") { Description = "Events to process", DefaultValueFactory = _ => 5_000_000 };
var epsilon = new Option<double>("--epsilon") { Description = "Lossy Counting ε", DefaultValueFactory = _ => 0.001 };
var repeats = new Option<int>("--repeats") { Description = "Timed runs", DefaultValueFactory = _ => 3 };

var core = new Command("core", "BenchmarkDotNet: the core update path, ns and bytes allocated per event. Extra arguments go to BenchmarkDotNet.");
var extra = new Argument<string[]>("benchmarkdotnet-args") { Arity = ArgumentArity.ZeroOrMore };
core.Arguments.Add(extra);
core.TreatUnmatchedTokensAsErrors = false;
core.SetAction(parse =>
{
    var forwarded = parse.GetValue(extra) ?? [];
    BenchmarkRunner.Run<CoreUpdateBenchmark>(args: [.. forwarded, .. parse.UnmatchedTokens]);
    return 0;
});

var mine = new Command("mine", "Times `mine` end to end on a synthetic CSV (default 5 M events).") { events, epsilon, repeats };
mine.SetAction(parse => MineThroughput.Run(parse.GetValue(events), parse.GetValue(repeats), parse.GetValue(epsilon), Console.Out));

var memoryEvents = new Option<long>("--events") { Description = "Events to process", DefaultValueFactory = _ => 10_000_000 };
var memory = new Command("memory", "Entries and managed heap over a long stream (default 10 M events at ε = 0.001).") { memoryEvents, epsilon };
memory.SetAction(parse => MemoryFlatness.Run(parse.GetValue(memoryEvents), parse.GetValue(epsilon), Console.Out));

var generateEvents = new Option<long>("--events") { Description = "Events per run", DefaultValueFactory = _ => 1_000_000 };
var model = new Option<string>("--model") { Description = "Model to simulate", DefaultValueFactory = _ => "assembly-line" };
var generate = new Command("generate", "Load generator events/s: generator alone, with CSV/JSONL to a null stream, CSV to a file.") { generateEvents, model };
generate.SetAction(parse => GenerationThroughput.Run(parse.GetValue(model)!, parse.GetValue(generateEvents), Console.Out));

var serviceEvents = new Option<long>("--events") { Description = "Events pre-filled into the topic", DefaultValueFactory = _ => 1_000_000 };
var partitions = new Option<int>("--partitions") { Description = "Input topic partitions", DefaultValueFactory = _ => 4 };
var minerService = new Command("miner-service", "The miner service alone (in-process broker, topic pre-filled): events/s from start until all are counted.") { serviceEvents, partitions, repeats };
minerService.SetAction((parse, _) => MinerServiceThroughput.RunAsync(parse.GetValue(serviceEvents), parse.GetValue(partitions), parse.GetValue(repeats), Console.Out));

var pipelineEvents = new Option<long>("--events") { Description = "Events the generator produces", DefaultValueFactory = _ => 3_000_000 };
var pipelineRate = new Option<double?>("--rate") { Description = "Generator rate in events/s (default: as fast as it can)" };
var pipeline = new Command("pipeline", "Generator -> broker -> miner as three real processes: sustained events/s and lag.") { pipelineEvents, partitions, pipelineRate };
pipeline.SetAction((parse, _) => PipelineThroughput.RunAsync(parse.GetValue(pipelineEvents), parse.GetValue(partitions), parse.GetValue(pipelineRate), Console.Out));

var catchUpRate = new Option<double>("--rate") { Description = "Generator rate in events/s", DefaultValueFactory = _ => 1000 };
var outage = new Option<int>("--outage-seconds") { Description = "How long the miner stays down", DefaultValueFactory = _ => 30 };
var catchUp = new Command("restart-catch-up", "Kill -9 the miner for an outage at a fixed rate; time from restart until caught up.") { catchUpRate, outage, partitions };
catchUp.SetAction((parse, _) => RestartCatchUp.RunAsync(parse.GetValue(catchUpRate), TimeSpan.FromSeconds(parse.GetValue(outage)), parse.GetValue(partitions), Console.Out));

var root = new RootCommand("HeuristicsBench benchmarks: figures for the speed and memory targets (not pass/fail tests).") { core, mine, memory, generate, minerService, pipeline, catchUp };
return root.Parse(args).Invoke();
