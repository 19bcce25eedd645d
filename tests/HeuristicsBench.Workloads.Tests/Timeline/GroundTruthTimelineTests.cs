using HeuristicsBench.Workloads.Streams;
using HeuristicsBench.Workloads.Tests.Streams;
using HeuristicsBench.Workloads.Truth;

namespace HeuristicsBench.Workloads.Tests.Timeline;

public class GroundTruthTimelineTests
{
    [Fact]
    public void Switch_and_morph_give_one_segment_per_phase_with_the_union_while_morphing()
    {
        var schedule = new ModelSchedule([
            new ModelSegment(0, ChoiceModel.Abc),
            new ModelSegment(1000, ChoiceModel.Xyz),
            new ModelSegment(3000, ChoiceModel.Abc, MorphOver: 500)]);
        var segments = GroundTruthTimeline.For(schedule, 5000);

        Assert.Equal([(0L, 1000L), (1000L, 3000L), (3000L, 3500L), (3500L, 5000L)], segments.Select(s => (s.FromEvent, s.ToEvent)));
        Assert.Equal([[0], [1], [1, 2], [2]], segments.Select(s => s.ModelVersions.ToArray()));
        Assert.Equal(["a>b1", "a>b2", "b1>c", "b2>c"], segments[0].Truth.Relations.Select(r => $"{r.From}>{r.To}"));
        Assert.Equal(["x>y", "y>z"], segments[1].Truth.Relations.Select(r => $"{r.From}>{r.To}"));
        Assert.Equal(6, segments[2].Truth.Relations.Count);
        Assert.Equal(["a", "x"], segments[2].Truth.StartActivities);
    }

    [Fact]
    public void Segments_beyond_the_stream_are_dropped_and_the_file_round_trips()
    {
        var schedule = new ModelSchedule([new ModelSegment(0, ChoiceModel.Abc), new ModelSegment(1000, ChoiceModel.Xyz)]);
        var segments = GroundTruthTimeline.For(schedule, 800);
        var single = Assert.Single(segments);
        Assert.Equal(800, single.ToEvent);

        using var buffer = new MemoryStream();
        GroundTruthJson.Write(segments, 800, 5, buffer);
        buffer.Position = 0;
        var back = Assert.Single(GroundTruthJson.Read(buffer));
        Assert.Equal(single.Truth.Relations, back.Truth.Relations);
        Assert.Equal(single.Truth.StartActivities, back.Truth.StartActivities);
        Assert.Equal((0L, 800L), (back.FromEvent, back.ToEvent));
    }
}
