using System.CommandLine;

var root = new RootCommand("heuristics-miner: the Lossy Counting Heuristics Miner.");
return root.Parse(args).Invoke();
