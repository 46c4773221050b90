using static MarketingOps.Host.Tests.Commands.Stats.MopsRunner;

namespace MarketingOps.Host.Tests.Commands.Stats;

// Reference values: ../shared/reference/statistics.md R6 (scipy.stats.chisquare), tolerance 1e-9.
[Collection(nameof(ConsoleRedirection))]
public sealed class SrmCommandTests
{
    [Theory]
    [InlineData("1000,1200", "0.5,0.5", 0.000020079, true)]
    [InlineData("135,115", "50,50", 0.205903211, false)]
    [InlineData("310,98", "0.75,0.25", 0.647434186, false)]
    [InlineData("0,10,10", ".34,.33,.33", 0.005790624, false)]
    [InlineData("500,500,600", "0.34,0.33,0.33", 0.000592638, true)]
    [InlineData("1000,1200,900", "0.5,0.5,0", 0.000020079, true)]
    public void R6_p_values_and_the_mismatch_flag(string counts, string weights, double p, bool mismatch)
    {
        var json = Json("stats", "srm", "--counts", counts, "--weights", weights);
        Near(p, json, "pValue", 1e-9);
        Assert.Equal(mismatch, json.GetProperty("mismatch").GetBoolean());
    }

    [Fact]
    public void Weights_default_to_an_equal_split()
    {
        var json = Json("stats", "srm", "--counts", "1000,1200");
        Near(0.000020079, json, "pValue", 1e-9);
        Assert.Equal(1, json.GetProperty("degreesOfFreedom").GetInt32());
    }

    [Fact]
    public void The_text_output_says_mismatch()
    {
        var (exit, output, _) = Run("stats", "srm", "--counts", "1000,1200");
        Assert.Equal(0, exit);
        Assert.StartsWith("sample ratio mismatch", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--counts is required", "stats", "srm")]
    [InlineData("--counts '1000,x': value 2 'x' is not a whole number", "stats", "srm", "--counts", "1000,x")]
    [InlineData("--counts '-5,3': value 1 '-5' is not a whole number", "stats", "srm", "--counts", "-5,3")]
    [InlineData("has one arm", "stats", "srm", "--counts", "1000")]
    [InlineData("--weights '1,1' has 2 values but --counts has 3", "stats", "srm", "--counts", "1,2,3", "--weights", "1,1")]
    [InlineData("--weights '1,-1': value 2 is -1; it must be zero or more", "stats", "srm", "--counts", "1,2", "--weights", "1,-1")]
    public void Bad_input_names_the_argument_and_what_was_wrong(string message, params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
