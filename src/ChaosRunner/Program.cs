using System.CommandLine;

// heuristics-bench: experiments, faults, measurements and reports arrive with issues #4 and #6.
// Until then this executable only answers --help and --version, so nothing pretends to work.
var root = new RootCommand(
    "heuristics-bench: runs chaos experiments against the streaming heuristics miner. " +
    "No commands are implemented yet (see the README's roadmap).");
return root.Parse(args).Invoke();
