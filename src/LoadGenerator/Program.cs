using System.CommandLine;

// The load generator's commands (generate, produce) arrive with issues #3 and #5.
// Until then this executable only answers --help and --version, so nothing pretends to work.
var root = new RootCommand(
    "HeuristicsBench load generator: simulates known process models and publishes their events. " +
    "No commands are implemented yet (see the README's roadmap).");
return root.Parse(args).Invoke();
