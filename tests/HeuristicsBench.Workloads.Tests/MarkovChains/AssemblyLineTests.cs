using HeuristicsBench.Workloads.MarkovChains;
using static HeuristicsBench.Workloads.Tests.MarkovChains.MarkovChainAssertions;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

public class AssemblyLineTests
{
    private readonly MarkovChainModel _model = MarkovChainLibrary.Load("assembly-line");

    [Fact]
    public void Loads_from_the_embedded_resource_with_the_papers_seven_states_in_order()
    {
        Assert.Equal("assembly-line", _model.Name);
        Assert.Equal(MarkovChainLibrary.Default, _model.Name);
        Assert.Equal("GoodsDelivery", _model.Definition.Start);
        Assert.Equal(
            ["GoodsDelivery", "MaterialPreparation", "AssemblyLineSetup", "Assembling", "QualityControl", "Packaging", "Shipping"],
            _model.Definition.States.Select(s => s.Name));
        Assert.All(_model.Definition.States, s => Assert.InRange(s.Events.Count, 2, 3));
        Assert.Empty(MarkovChainValidator.Validate(_model.Definition));
        Assert.Equal(new MarkovDrift(0, 100_000), _model.Definition.Drift);
    }

    [Fact]
    public void Ground_truth_is_the_transition_graph_written_in_the_file()
    {
        // Hard-coded from assembly-line.yaml: each event precedes every event of its next state.
        var expected = Relations(
            "Receive goods->Pick materials", "Receive goods->Cut materials",
            "Inspect delivery->Pick materials", "Inspect delivery->Cut materials",
            "Pick materials->Set up line", "Pick materials->Calibrate machines",
            "Cut materials->Set up line", "Cut materials->Calibrate machines",
            "Set up line->Assemble product", "Set up line->Assemble custom product",
            "Calibrate machines->Assemble product", "Calibrate machines->Assemble custom product",
            "Assemble product->Pass inspection", "Assemble product->Rework", "Assemble product->Scrap product",
            "Assemble custom product->Pass inspection", "Assemble custom product->Rework", "Assemble custom product->Scrap product",
            "Rework->Assemble product", "Rework->Assemble custom product",
            "Pass inspection->Pack product", "Pass inspection->Pack fragile product",
            "Pack product->Ship standard", "Pack product->Ship express",
            "Pack fragile product->Ship standard", "Pack fragile product->Ship express");
        string[] activities =
        [
            "Assemble custom product", "Assemble product", "Calibrate machines", "Cut materials", "Inspect delivery",
            "Pack fragile product", "Pack product", "Pass inspection", "Pick materials", "Receive goods",
            "Reject delivery", "Rework", "Scrap product", "Set up line", "Ship express", "Ship standard",
        ];

        foreach (var step in new long[] { 0, 50_000, 100_000, 1_000_000 })
        {
            TruthIs(_model.TruthAt(step),
                activities,
                expected,
                starts: ["Inspect delivery", "Receive goods", "Reject delivery"],
                ends: ["Reject delivery", "Scrap product", "Ship express", "Ship standard"]);
        }
        Assert.Equal(activities, _model.Activities);
        Assert.Empty(_model.TruthChangeSteps);
    }

    [Fact]
    public void Rework_probability_rises_over_the_drift()
    {
        Assert.Equal([0.90, 0.08, 0.02], _model.ProbabilitiesAt("QualityControl", 0));
        var middle = _model.ProbabilitiesAt("QualityControl", 50_000);
        Assert.Equal(0.825, middle[0], 12);
        Assert.Equal(0.14, middle[1], 12);
        Assert.Equal(0.035, middle[2], 12);
        Assert.Equal([0.75, 0.20, 0.05], _model.ProbabilitiesAt("QualityControl", 100_000));

        Assert.Equal(0.08, ReworkShare(0), 0.01);
        Assert.Equal(0.20, ReworkShare(100_000), 0.01);
    }

    [Fact]
    public void Unknown_built_in_name_is_refused_with_the_known_names()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => MarkovChainLibrary.Load("assembly-lines"));
        Assert.Contains("assembly-line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_text_parses_to_the_same_chain_as_a_user_file_would()
    {
        var text = MarkovChainLibrary.ReadText("assembly-line");
        var fromText = MarkovChainParser.Parse(text, "assembly-line.yaml");

        Assert.Equal(_model.Activities, fromText.Activities);
        Assert.Equal(_model.TruthAt(0).Relations, fromText.TruthAt(0).Relations);
    }

    private double ReworkShare(long step)
    {
        var qualityControl = SimulateCases(_model, 11, step, 20_000)
            .SelectMany(c => c)
            .Where(s => s.Node == "QualityControl")
            .ToList();
        return qualityControl.Count(s => s.Activity == "Rework") / (double)qualityControl.Count;
    }
}
