using static MarketingOps.Host.Tests.Commands.Stats.MopsRunner;

namespace MarketingOps.Host.Tests.Commands.Stats;

[Collection(nameof(ConsoleRedirection))]
public sealed class SampleSizeCommandTests
{
    // Fleiss' formula without continuity correction: 5 % vs 10 %, α 0.05, power 0.8 → 434.43 → 435 per arm.
    [Fact]
    public void Five_versus_ten_percent()
    {
        var json = Json("stats", "samplesize", "--baseline", "0.05", "--mde", "1");
        Assert.Equal(435, json.GetProperty("perArm").GetInt64());
        Near(434.432022, json, "exactPerArm", 1e-5);
        Near(0.10, json, "variantRate", 1e-12);
    }

    [Fact]
    public void Alpha_and_power_are_used()
    {
        var json = Json("stats", "samplesize", "--baseline", "0.03", "--mde", "0.2", "--alpha", "0.01", "--power", "0.9");
        Near(0.01, json, "alpha", 0);
        Assert.True(json.GetProperty("perArm").GetInt64() > 13914);
    }

    [Theory]
    [InlineData("--baseline is required", "stats", "samplesize", "--mde", "0.2")]
    [InlineData("--mde is required", "stats", "samplesize", "--baseline", "0.03")]
    [InlineData("--baseline is 3; it must be between 0 and 1", "stats", "samplesize", "--baseline", "3", "--mde", "0.2")]
    [InlineData("--mde 'abc' is not a number", "stats", "samplesize", "--baseline", "0.03", "--mde", "abc")]
    [InlineData("the variant's rate must stay below 1", "stats", "samplesize", "--baseline", "0.6", "--mde", "1")]
    [InlineData("--power is 1; it must be between 0 and 1", "stats", "samplesize", "--baseline", "0.03", "--mde", "0.2", "--power", "1")]
    public void Bad_input_names_the_argument_and_what_was_wrong(string message, params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
