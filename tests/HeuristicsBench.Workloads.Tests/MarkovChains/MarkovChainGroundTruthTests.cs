using HeuristicsBench.Workloads.MarkovChains;
using static HeuristicsBench.Workloads.Tests.MarkovChains.MarkovChainAssertions;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

public class MarkovChainGroundTruthTests
{
    [Fact]
    public void Truth_of_a_chain_with_a_shared_state_and_a_self_loop_is_the_hand_written_graph()
    {
        var model = TestChains.Load(TestChains.SharedAndLoop);

        // Written by hand from the chain: B and C share D, so both b and c precede d and x; x loops on D.
        TruthIs(model.TruthAt(0),
            activities: ["a1", "a2", "b", "c", "d", "x"],
            relations: Relations("a1->b", "a2->c", "b->d", "b->x", "c->d", "c->x", "x->d", "x->x"),
            starts: ["a1", "a2"],
            ends: ["d"]);
        Assert.True(SameTruth(model.TruthAt(0), model.TruthAt(1_000_000)));
        Assert.Empty(model.TruthChangeSteps);
    }

    [Fact]
    public void Truth_follows_states_not_activity_names_when_an_activity_belongs_to_several_states()
    {
        var model = TestChains.Load(TestChains.SharedActivity);

        // "go" in S precedes left/right; "go" in M ends the case: no go→go although go appears twice in a trace.
        TruthIs(model.TruthAt(0),
            activities: ["go", "left", "right", "stop"],
            relations: Relations("go->left", "go->right", "left->go", "left->stop", "right->go", "right->stop"),
            starts: ["go"],
            ends: ["go", "stop"]);
    }

    [Fact]
    public void Activities_lists_every_activity_of_the_file_even_one_whose_probability_is_zero_now()
    {
        var model = TestChains.Load(TestChains.Drifting);

        Assert.Equal(["go", "late", "skip", "t", "u"], model.Activities);
        Assert.DoesNotContain("late", model.TruthAt(0).Activities);
    }

    [Fact]
    public void A_zero_probability_event_gives_no_relation_and_no_activity()
    {
        var model = TestChains.Load("""
            name: zero
            start: A
            states:
              A:
                events:
                  - {activity: a, probability: 1, duration: 1s, next: B}
                  - {activity: never, probability: 0, duration: 1s, next: B}
              B:
                events:
                  - {activity: b, probability: 1, duration: 1s, next: end}
            """);

        TruthIs(model.TruthAt(0),
            activities: ["a", "b"],
            relations: Relations("a->b"),
            starts: ["a"],
            ends: ["b"]);
        Assert.Equal(["a", "b", "never"], model.Activities);
    }
}
