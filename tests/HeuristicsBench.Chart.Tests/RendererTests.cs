using HeuristicsBench.Chart.Tests.Rendering;

namespace HeuristicsBench.Chart.Tests;

/// <summary>
/// The subset renderer itself. Supported: text with {{- / -}} trimming and {{/* comments */}}; .a.b, $, $.a.b;
/// "strings", integers, decimals, true, false, nil, ( ... ); pipelines with |; if / else if / else / end; range over
/// lists (with else); define / include; .Files.Get; eq ne and or not quote default toYaml nindent indent printf
/// required fail. Everything else (with, template, block, variables, other functions, backquoted strings, range over
/// maps) fails naming the file and line, so a chart that drifts outside the subset fails the tests instead of being
/// rendered wrongly.
/// </summary>
public sealed class RendererTests
{
    private static string Render(string template, Dictionary<string, object?>? values = null, string file = "templates/t.yaml")
    {
        var (body, defines) = TemplateParser.Parse(file, template);
        var root = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Values"] = values ?? [], ["Release"] = new Dictionary<string, object?> { ["Name"] = "r" } };
        return new Evaluator(defines).Render(body, root);
    }

    private static Dictionary<string, object?> Values(string yaml) => ValuesLoader.LoadMap(yaml, "values.yaml");

    [Theory]
    [InlineData("a\n{{ with .Values }}x{{ end }}", 2, "'with'")]
    [InlineData("a\nb\n{{ $x := 1 }}", 3, "variable")]
    [InlineData("{{ upper \"a\" }}", 1, "function 'upper'")]
    [InlineData("a\n\n\n{{ template \"x\" . }}", 4, "'template'")]
    [InlineData("{{ `raw` }}", 1, "raw string")]
    [InlineData("x\n{{ range .Values.m }}{{ end }}", 2, "range over a map")]
    [InlineData("{{ if .Values.a }}\nno end", 1, "if without end")]
    public void Unsupported_constructs_fail_naming_the_file_and_line(string template, int line, string what)
    {
        var e = Assert.Throws<TemplateException>(() => Render(template, Values("m: {a: 1}\na: 1"), "templates/bad.yaml"));
        Assert.StartsWith($"templates/bad.yaml:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_s_own_templates_fail_at_the_offending_line()
    {
        var chart = Directory.CreateTempSubdirectory("chart-");
        try
        {
            Directory.CreateDirectory(Path.Combine(chart.FullName, "templates"));
            File.WriteAllText(Path.Combine(chart.FullName, "Chart.yaml"), "name: c\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(chart.FullName, "values.yaml"), "a: 1\n");
            File.WriteAllText(Path.Combine(chart.FullName, "templates", "x.yaml"), "kind: A\nname: {{ .Values.a | lower }}\n");
            var e = Assert.Throws<TemplateException>(() => new ChartRenderer(chart.FullName));
            Assert.StartsWith("templates/x.yaml:2: function 'lower'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            chart.Delete(recursive: true);
        }
    }

    [Fact]
    public void Trimming_removes_white_space_on_the_marked_side_only()
    {
        Assert.Equal("a:b\n c", Render("a:  \n {{- \"b\" }}\n c"));
        Assert.Equal("ab", Render("a{{ \"b\" -}}  \n\n"));
        Assert.Equal("x\ny", Render("x\n{{- /* note */}}\ny"));
    }

    [Theory]
    [InlineData("n: 100000", "100000")]
    [InlineData("n: 1000000", "1e+06")]
    [InlineData("n: 1234567", "1.234567e+06")]
    [InlineData("n: 0.001", "0.001")]
    [InlineData("n: 0.00001", "1e-05")]
    [InlineData("n: -2.5", "-2.5")]
    [InlineData("n: \"1000000\"", "1000000")]
    public void Numbers_from_values_print_as_helm_s_float64(string yaml, string printed)
    {
        Assert.Equal(printed, Render("{{ .Values.n }}", Values(yaml)));
    }

    [Fact]
    public void Helm_s_type_traps_are_errors()
    {
        var values = Values("n: 3");
        Assert.Contains("incompatible types", Assert.Throws<TemplateException>(() => Render("{{ if eq .Values.n 3 }}{{ end }}", values)).Message, StringComparison.Ordinal);
        Assert.Contains("%!d", Assert.Throws<TemplateException>(() => Render("{{ printf \"%d\" .Values.n }}", values)).Message, StringComparison.Ordinal);
        Assert.Contains("nil pointer", Assert.Throws<TemplateException>(() => Render("{{ .Values.missing.x }}", values)).Message, StringComparison.Ordinal);
        Assert.Equal("", Render("{{ .Values.missing }}", values));
        Assert.Equal("true", Render("{{ eq .Values.n 3.0 }}", values));
    }

    [Fact]
    public void Conditions_follow_go_truth_and_short_circuit_values()
    {
        var values = Values("s: \"\"\nl: []\nm: {}\nz: 0\nt: yes\nname: x");
        Assert.Equal("none", Render("{{ if or .Values.s .Values.l .Values.m .Values.z }}some{{ else }}none{{ end }}", values));
        Assert.Equal("2", Render("{{ if eq .Values.name \"a\" }}1{{ else if and .Values.t (ne .Values.name \"y\") }}2{{ else }}3{{ end }}", values));
        Assert.Equal("x", Render("{{ or .Values.s .Values.name }}", values));
        Assert.Equal("true", Render("{{ not .Values.z }}", values));
        Assert.Equal("d", Render("{{ .Values.s | default \"d\" }}", values));
    }

    [Fact]
    public void Range_binds_dot_and_reaches_the_root_through_dollar()
    {
        var values = Values("items: [a, b]\nsuffix: '!'\nnone: []");
        Assert.Equal("[a!][b!]", Render("{{ range .Values.items }}[{{ . }}{{ $.Values.suffix }}]{{ end }}", values));
        Assert.Equal("empty", Render("{{ range .Values.none }}x{{ else }}empty{{ end }}", values));
    }

    [Fact]
    public void Include_renders_a_define_with_the_given_dot()
    {
        var template = "{{- define \"n\" -}}\nname: {{ .Release.Name }}\n{{- end }}\nmeta:\n  {{- include \"n\" . | nindent 2 }}";
        Assert.Equal("\nmeta:\n  name: r", Render(template));
    }

    [Fact]
    public void ToYaml_quotes_keys_and_strings_yaml_1_1_reads_as_bools_or_numbers()
    {
        Assert.Equal("'n': '1.5'\n'on': 'no'", ToYaml.Write(Values("n: '1.5'\n'on': 'no'")));
    }

    [Fact]
    public void ToYaml_sorts_keys_keeps_lists_at_key_indentation_and_quotes_ambiguous_strings()
    {
        var values = Values("r:\n  requests: {memory: 1Gi, cpu: \"1\"}\n  args: [--x, \"yes\", 'a: b']\n  count: 3");
        var yaml = Render("x:\n  {{- toYaml .Values.r | nindent 2 }}", values);
        Assert.Equal("x:\n  args:\n  - --x\n  - 'yes'\n  - 'a: b'\n  count: 3\n  requests:\n    cpu: '1'\n    memory: 1Gi", yaml);
    }

    [Fact]
    public void Quote_and_printf_escape_and_format_like_go()
    {
        var values = Values("s: 'say \"hi\"'\nb: false\np: 9400");
        Assert.Equal("\"say \\\"hi\\\"\" \"false\" \"9400\"", Render("{{ quote .Values.s }} {{ .Values.b | quote }} {{ quote .Values.p }}", values));
        Assert.Equal("0.0.0.0:9400 r-x 100%", Render("{{ printf \"0.0.0.0:%v\" .Values.p }} {{ printf \"%s-%s\" .Release.Name \"x\" }} {{ printf \"100%%\" }}", values));
    }

    [Fact]
    public void Required_and_fail_stop_with_their_message_and_position()
    {
        var e = Assert.Throws<TemplateException>(() => Render("a\n{{ required \"set b\" .Values.b }}", Values("b: ''")));
        Assert.Equal("templates/t.yaml:2: set b", e.Message);
        e = Assert.Throws<TemplateException>(() => Render("{{ fail (printf \"bad %s\" \"x\") }}"));
        Assert.Equal("templates/t.yaml:1: bad x", e.Message);
    }
}
