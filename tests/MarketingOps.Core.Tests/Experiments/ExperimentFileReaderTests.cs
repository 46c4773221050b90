using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class ExperimentFileReaderTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private const string Yaml = """
        name: spring-cta
        description: Does a question beat a statement?
        accounts: [brand]
        variants:
          - name: control
            text: "Spring sale: free shipping https://shop.example/s"
          - name: question
            rounds:
              - "Ready for spring? Free shipping https://shop.example/s"
              - "Spring is here: shall we ship for free? https://shop.example/s"
            timeShift: 1h
        metric: link-click-rate
        guardrails:
          - replies-per-impression
          - { numerator: replies, denominator: likes, lowerIsBetter: true }
        allocation:
          postsPerVariant: 4
          start: 2026-03-02 09:00
          dailySlots: ["09:00", "18:00"]
          seed: 42
        horizon: 3d
        decision:
          method: bayesian
          chanceToBeatControl: 0.9
          minPostsPerVariant: 3
        onWin:
          schedule: evergreen
          after: 2d
        """;

    [Fact]
    public void Yaml_definition_is_read_with_every_field()
    {
        var (definition, problems) = ExperimentFileReader.Read(Yaml, "spring.yaml", zoneOf: _ => Berlin);

        Assert.Empty(problems);
        Assert.NotNull(definition);
        Assert.Equal("spring-cta", definition.Name);
        Assert.Equal(["control", "question"], definition.Variants.Select(v => v.Name));
        Assert.Equal(2, definition.Variants[1].Rounds.Count);
        Assert.Equal("Spring is here: shall we ship for free? https://shop.example/s", definition.Variants[1].TextFor(1));
        Assert.Equal(TimeSpan.FromHours(1), definition.Variants[1].TimeShift);
        Assert.Same(MetricDefinition.LinkClickRate, definition.Metric);
        Assert.Equal(MetricDirection.LowerIsBetter, definition.Guardrails[1].Direction);
        Assert.Equal(AnalysisUnit.Posts, definition.Guardrails[1].EffectiveUnit);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), definition.Allocation.Start);
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(18, 0)], definition.Allocation.DailySlots);
        Assert.Equal(42, definition.Allocation.Seed);
        Assert.Equal(TimeSpan.FromDays(3), definition.Horizon);
        Assert.Equal(AnalysisMethod.Bayesian, definition.Decision.Method);
        Assert.Equal(0.9, definition.Decision.ChanceToBeatControl);
        Assert.Equal(3, definition.Decision.MinPostsPerVariant);
        Assert.True(definition.OnWin.ScheduleWinner);
        Assert.Equal(TimeSpan.FromDays(2), definition.OnWin.Delay);
    }

    [Fact]
    public void Json_definition_reads_the_same_as_yaml()
    {
        const string json = """
            {
              "name": "json-cta",
              "accounts": ["brand"],
              "variants": [ { "name": "a", "text": "One \u00e9 https://x.example" }, { "name": "b", "text": "Two" } ],
              "metric": { "numerator": "engagements", "denominator": "impressions", "unit": "posts" },
              "allocation": { "every": "PT8H", "postsPerVariant": 2, "start": "2026-03-02T09:00:00+01:00" }
            }
            """;

        var (definition, problems) = ExperimentFileReader.Read(json, "exp.json");

        Assert.Empty(problems);
        Assert.Equal("One é https://x.example", definition!.Variants[0].Text);
        Assert.Equal(AnalysisUnit.Posts, definition.Metric.EffectiveUnit);
        Assert.Equal(TimeSpan.FromHours(8), definition.Allocation.Every);
    }

    [Fact]
    public void Problems_name_file_line_column_and_path_and_all_are_listed()
    {
        const string yaml = """
            name: broken
            accounts: [brand]
            variants:
              - name: only
                text: "one variant"
                colour: blue
            metric: click-rate
            decision:
              alpha: 0.7
            horizon: soon
            """;

        var (definition, problems) = ExperimentFileReader.Read(yaml, "broken.yaml");

        Assert.Null(definition);
        var lines = problems.Select(p => p.ToString()).ToList();
        Assert.Contains("broken.yaml:6:5: variants[0].colour: unknown key 'colour'; expected one of name, text, rounds, media, account, timeShift", lines);
        Assert.Contains(lines, l => l.StartsWith("broken.yaml:7:9: metric: unknown metric 'click-rate'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("broken.yaml:10:10: horizon: 'soon' is not a duration", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("broken.yaml:4:3:", StringComparison.Ordinal) && l.Contains("variants: an experiment needs 2 to 8 variants; this one has 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("broken.yaml:9:10: decision.alpha: must be between 0 and 0.5", StringComparison.Ordinal));
    }

    [Fact]
    public void The_old_chance_to_win_key_is_refused_with_its_new_name()
    {
        var yaml = Yaml.Replace("chanceToBeatControl: 0.9", "chanceToWin: 0.9", StringComparison.Ordinal);

        var (definition, problems) = ExperimentFileReader.Read(yaml, "spring.yaml", zoneOf: _ => Berlin);

        Assert.Null(definition);
        var problem = Assert.Single(problems);
        Assert.Equal("decision.chanceToWin", problem.Path);
        Assert.Contains("renamed to 'chanceToBeatControl'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_syntax_error_names_its_line()
    {
        var (_, problems) = ExperimentFileReader.Read("{\n  \"name\": \"x\",\n  \"variants\": [ }\n}", "bad.json");

        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("bad.json:3:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_start_without_a_known_zone_is_refused_rather_than_guessed()
    {
        var yaml = Yaml.Replace("accounts: [brand]", "accounts: [nobody]", StringComparison.Ordinal);

        var (_, problems) = ExperimentFileReader.Read(yaml, "x.yaml", zoneOf: _ => null);

        Assert.Contains(problems, p => p.Path == "allocation.start" && p.Message.Contains("add an offset", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var ex = Assert.Throws<ExperimentRequestException>(() => ExperimentFileReader.Load("/nonexistent/exp.yaml"));

        Assert.Equal("/nonexistent/exp.yaml: file not found", ex.Message);
    }

    [Theory]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("1d12h", 36 * 60)]
    [InlineData("90m", 90)]
    [InlineData("PT8H", 8 * 60)]
    [InlineData("1.02:00:00", 26 * 60)]
    [InlineData("-2h", -120)]
    public void Durations_are_read_as_people_write_them(string text, int minutes)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
    }
}
