using HeuristicsBench.Workloads.MarkovChains;
using HeuristicsBench.Workloads.Models;

namespace HeuristicsBench.Workloads.Tests.MarkovChains;

/// <summary>
/// One test per kind of bad file: each names the line and column (counted by hand in the text) and the
/// field path the error must report.
/// </summary>
public class MarkovChainValidationTests
{
    // Line numbers of this text are used by the tests below:
    //  1 name, 2 start, 3 states, 4 A, 5 events, 6-9 event of A, 10 B, 11 events, 12-15 event of B.
    private const string Valid = """
        name: t
        start: A
        states:
          A:
            events:
              - activity: a
                probability: 1
                duration: 1s
                next: B
          B:
            events:
              - activity: b
                probability: 1
                duration: 1s
                next: end
        """;

    [Fact]
    public void The_base_file_is_valid() => Assert.Equal("t", TestChains.Load(Valid).Name);

    [Fact]
    public void Unknown_top_level_key() =>
        AssertError(Valid + "\ncolour: red", 16, 1, "colour", "unknown key 'colour'");

    [Fact]
    public void Unknown_event_key() =>
        AssertError(Replace(Valid, "        next: B", "        nxt: B"), 9, 9, "states.A.events[0].nxt", "unknown key 'nxt'");

    [Fact]
    public void Missing_start() =>
        AssertError(Replace(Valid, "start: A\n", ""), 1, 1, "start", "missing required field 'start'");

    [Fact]
    public void Start_names_an_unknown_state() =>
        AssertError(Replace(Valid, "start: A", "start: Z"), 2, 8, "start", "unknown state 'Z'");

    [Fact]
    public void Missing_next() =>
        AssertError(Replace(Valid, "        next: B\n", ""), 6, 9, "states.A.events[0]", "missing required field 'next'");

    [Fact]
    public void Next_names_an_unknown_state() =>
        AssertError(Replace(Valid, "next: B", "next: C"), 9, 15, "states.A.events[0].next", "unknown state 'C'");

    [Fact]
    public void Probabilities_not_summing_to_one() =>
        AssertError(
            Replace(Valid, "        next: B\n", "        next: B\n      - {activity: a2, probability: 0.4, duration: 1s, next: B}\n")
                .Replace("probability: 1\n        duration: 1s\n        next: B", "probability: 0.5\n        duration: 1s\n        next: B", StringComparison.Ordinal),
            5, 5, "states.A.events", "probabilities sum to 0.9");

    [Fact]
    public void Probabilities_not_summing_to_one_at_the_drift_end() =>
        AssertError(
            Replace(Valid, "probability: 1\n        duration: 1s\n        next: B", "probability: {from: 1, to: 0.4}\n        duration: 1s\n        next: B")
                + "\ndrift: {start: 0, steps: 10}",
            5, 5, "states.A.events", "sum to 0.4 at the drift end");

    [Fact]
    public void Probability_above_one() =>
        AssertError(Replace(Valid, "probability: 1\n        duration: 1s\n        next: B", "probability: 1.5\n        duration: 1s\n        next: B"),
            7, 22, "states.A.events[0].probability", "between 0 and 1");

    [Fact]
    public void Probability_that_is_not_a_number() =>
        AssertError(Replace(Valid, "probability: 1\n        duration: 1s\n        next: B", "probability: high\n        duration: 1s\n        next: B"),
            7, 22, "states.A.events[0].probability", "'high' is not a number");

    [Fact]
    public void Drifting_probability_without_a_drift_section() =>
        AssertError("""
            name: t
            start: A
            states:
              A:
                events:
                  - {activity: a, probability: {from: 0.4, to: 0.6}, duration: 1s, next: end}
                  - {activity: b, probability: {from: 0.6, to: 0.4}, duration: 1s, next: end}
            """, 6, 23, "states.A.events[0].probability", "no 'drift' section");

    [Fact]
    public void Negative_constant_duration() =>
        AssertError(Replace(Valid, "duration: 1s\n        next: B", "duration: -5s\n        next: B"),
            8, 19, "states.A.events[0].duration", "must not be negative");

    [Fact]
    public void Negative_gaussian_sd() =>
        AssertError(Replace(Valid, "duration: 1s\n        next: end", "duration: {gaussian: {mean: 10s, sd: -1s}}\n        next: end"),
            14, 9, "states.B.events[0].duration", "sd must not be negative");

    [Fact]
    public void Uniform_maximum_below_minimum() =>
        AssertError(Replace(Valid, "duration: 1s\n        next: B", "duration: {uniform: [5s, 1s]}\n        next: B"),
            8, 9, "states.A.events[0].duration", "below its minimum");

    [Fact]
    public void Duration_without_a_unit() =>
        AssertError(Replace(Valid, "duration: 1s\n        next: B", "duration: 30\n        next: B"),
            8, 19, "states.A.events[0].duration", "'30' is not a duration");

    [Fact]
    public void Duration_with_two_kinds() =>
        AssertError(Replace(Valid, "duration: 1s\n        next: B", "duration: {constant: 1s, uniform: [1s, 2s]}\n        next: B"),
            8, 19, "states.A.events[0].duration", "exactly one of constant, uniform or gaussian");

    [Fact]
    public void Unreachable_state() =>
        AssertError(Valid + "\n  C:\n    events:\n      - {activity: c, probability: 1, duration: 1s, next: end}",
            16, 3, "states.C", "unreachable");

    [Fact]
    public void State_from_which_end_cannot_be_reached() =>
        AssertError("""
            name: t
            start: A
            states:
              A:
                events:
                  - {activity: a, probability: 0.5, duration: 1s, next: B}
                  - {activity: quit, probability: 0.5, duration: 1s, next: end}
              B:
                events:
                  - {activity: b, probability: 1, duration: 1s, next: B}
            """, 8, 3, "states.B", "cannot reach 'end'");

    [Fact]
    public void State_from_which_end_cannot_be_reached_at_the_drift_end() =>
        AssertError("""
            name: t
            start: A
            states:
              A:
                events:
                  - {activity: a, probability: 0.5, duration: 1s, next: B}
                  - {activity: quit, probability: 0.5, duration: 1s, next: end}
              B:
                events:
                  - {activity: b, probability: {from: 0.5, to: 0}, duration: 1s, next: end}
                  - {activity: again, probability: {from: 0.5, to: 1}, duration: 1s, next: B}
            drift: {start: 0, steps: 10}
            """, 8, 3, "states.B", "cannot reach 'end' at the drift end");

    [Fact]
    public void State_named_end() =>
        AssertError(Valid + "\n  end:\n    events:\n      - {activity: c, probability: 1, duration: 1s, next: end}",
            16, 3, "states.end", "reserved");

    [Fact]
    public void Empty_event_list() =>
        AssertError(Replace(Valid, "    events:\n      - activity: b\n        probability: 1\n        duration: 1s\n        next: end", "    events: []"),
            11, 5, "states.B.events", "at least one event");

    [Fact]
    public void Duplicate_event_in_a_state() =>
        AssertError(Replace(Valid, "        next: end", "        next: end\n      - {activity: b, probability: 0, duration: 1s, next: end}"),
            16, 9, "states.B.events[1]", "duplicates events[0]");

    [Fact]
    public void States_given_as_a_list() =>
        AssertError("name: t\nstart: A\nstates:\n  - A\n", 4, 3, "states", "expected a mapping from state names to states, found a list");

    [Fact]
    public void Negative_drift_steps() =>
        AssertError(Valid + "\ndrift:\n  start: 0\n  steps: -5", 18, 10, "drift.steps", "must not be negative");

    [Fact]
    public void Zero_case_length_cap() =>
        AssertError(Valid + "\nmaxCaseLength: 0", 16, 16, "maxCaseLength", "at least 1");

    [Fact]
    public void Duplicate_key_is_reported_by_the_yaml_reader() =>
        AssertError(Replace(Valid, "        next: B", "        next: B\n        next: A"), 10, 9, null, "Duplicate key");

    [Fact]
    public void Yaml_syntax_error() =>
        AssertError(Replace(Valid, "activity: a\n", "activity: \"a\n"), 6, 19, null, "invalid YAML");

    [Fact]
    public void Unclosed_flow_list_that_yamldotnet_misreports() =>
        AssertLine("name: t\nstart: [A\nstates: {}\n", 2, "invalid YAML");

    [Fact]
    public void Empty_file() =>
        AssertLine("# nothing here\n", 1, "file is empty");

    [Fact]
    public void Several_documents() =>
        AssertError(Valid + "\n---\nname: u", 17, 1, null, "one YAML document");

    [Fact]
    public void Message_is_one_line_source_line_column_reason()
    {
        var error = Assert.Throws<ModelFormatException>(() => MarkovChainParser.Parse(Replace(Valid, "start: A", "start: Z"), "models/bad.yaml"));

        Assert.StartsWith("models/bad.yaml:2:8: start: unknown state 'Z'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("models/bad.yaml", error.SourceName);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Building_a_model_from_an_invalid_definition_throws()
    {
        var definition = new MarkovChainDefinition("p", "A",
            [new MarkovState("A", [new MarkovEvent("a", MarkovProbability.Constant(1), new DurationDistribution.Constant(TimeSpan.Zero), "Nowhere")])]);

        var error = Assert.Throws<ArgumentException>(() => new MarkovChainModel(definition));

        Assert.Contains("states.A.events[0].next: unknown state 'Nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Equal("states.A.events[0].next", Assert.Single(MarkovChainValidator.Validate(definition)).Path);
    }

    private static string Replace(string text, string oldValue, string newValue)
    {
        Assert.Contains(oldValue, text, StringComparison.Ordinal);
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }

    private static void AssertError(string yaml, int line, int column, string? field, string reasonPart)
    {
        var error = AssertLine(yaml, line, reasonPart);
        Assert.Equal(column, error.Column);
        if (field is not null)
            Assert.StartsWith($"{field}: ", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"test.yaml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    private static ModelFormatException AssertLine(string yaml, int line, string reasonPart)
    {
        var error = Assert.Throws<ModelFormatException>(() => MarkovChainParser.Parse(yaml, "test.yaml"));
        Assert.Equal("test.yaml", error.SourceName);
        Assert.True(line == error.Line, $"expected line {line}: {error.Message}");
        Assert.Contains(reasonPart, error.Reason, StringComparison.Ordinal);
        return error;
    }
}
