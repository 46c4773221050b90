using static MarketingOps.Host.Tests.Commands.Stats.MopsRunner;

namespace MarketingOps.Host.Tests.Commands.Stats;

// Reference values: ../shared/reference/statistics.md R9 (scipy / statsmodels / GrowthBook), tolerance 1e-6.
[Collection(nameof(ConsoleRedirection))]
public sealed class ProportionsCommandTests
{
    private static readonly string[] R9 = ["stats", "proportions", "--control", "120/4000", "--variant", "150/4000"];

    [Fact]
    public void Frequentist_relative_is_the_default_and_includes_the_pooled_z_test()
    {
        var json = Json(R9);
        Assert.Equal("Frequentist", json.GetProperty("method").GetString());
        Assert.Equal("Relative", json.GetProperty("lift").GetString());
        Near(0.03, json.GetProperty("control"), "rate", 1e-12);
        var v = json.GetProperty("variants")[0];
        Near(0.25, v, "lift", 1e-6);
        Near(-0.045059, v, "ciLow", 1e-6);
        Near(0.545059, v, "ciHigh", 1e-6);
        Near(0.096771, v, "pValue", 1e-6);
        Near(1.857354, v.GetProperty("pooledZTest"), "z", 1e-6);
        Near(0.063261, v.GetProperty("pooledZTest"), "pValue", 1e-6);
        Assert.Equal("Inconclusive", v.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Frequentist_absolute_matches_welch()
    {
        var v = Json([.. R9, "--absolute"]).GetProperty("variants")[0];
        Near(0.0075, v, "lift", 1e-6);
        Near(-0.000414, v, "ciLow", 1e-6);
        Near(0.015414, v, "ciHigh", 1e-6);
        Near(0.063241, v, "pValue", 1e-6);
    }

    [Fact]
    public void Sequential_absolute_with_tuning()
    {
        var json = Json([.. R9, "--method", "sequential", "--absolute", "--tuning", "5000"]);
        Near(5000, json, "sequentialTuning", 0);
        var v = json.GetProperty("variants")[0];
        Near(-0.004803, v, "ciLow", 1e-6);
        Near(0.019803, v, "ciHigh", 1e-6);
        Near(0.747495, v, "pValue", 1e-6);
        Assert.False(v.TryGetProperty("pooledZTest", out _));
    }

    [Fact]
    public void Bayesian_has_no_prior_by_default_and_an_informative_prior_only_when_given()
    {
        var flat = Json([.. R9, "--method", "bayesian"]);
        Assert.False(flat.TryGetProperty("prior", out _));
        var v = flat.GetProperty("variants")[0];
        Near(0.25, v, "lift", 1e-6);
        Near(0.951634, v, "chanceToBeatControl", 1e-6);
        Near(0.968226, v, "exactChanceToBeatControl", 1e-6);
        Assert.True(v.GetProperty("riskOfChoosingControl").GetDouble() > v.GetProperty("riskOfChoosingVariant").GetDouble());
        Assert.False(v.TryGetProperty("pValue", out _));
        Assert.False(v.TryGetProperty("priorWeight", out _));

        var weak = Json([.. R9, "--method", "bayesian", "--prior", "0,0.09"]);
        Near(0.09, weak.GetProperty("prior"), "variance", 1e-12);
        var w = weak.GetProperty("variants")[0];
        Near(0.199723, w, "lift", 1e-6);
        Near(0.931166, w, "chanceToBeatControl", 1e-6);
        Near(0.201108, w, "priorWeight", 1e-5);
    }

    [Fact]
    public void Several_variants_are_holm_adjusted()
    {
        var json = Json([.. R9, "--variant", "135/4000", "--variant", "190/4000"]);
        Assert.Equal("Holm", json.GetProperty("adjustment").GetString());
        var variants = json.GetProperty("variants");
        Assert.Equal(3, variants.GetArrayLength());
        foreach (var v in variants.EnumerateArray())
        {
            Assert.True(v.GetProperty("adjustedPValue").GetDouble() >= v.GetProperty("pValue").GetDouble());
        }

        Assert.Equal("VariantBetter", variants[2].GetProperty("verdict").GetString());
        Assert.Equal("BenjaminiHochberg", Json([.. R9, "--variant", "135/4000", "--adjust", "bh"]).GetProperty("adjustment").GetString());
    }

    [Fact]
    public void The_table_output_shows_every_arm_and_the_method()
    {
        var (exit, output, error) = Run(R9);
        Assert.True(exit == 0, error);
        Assert.Contains("variant 1", output, StringComparison.Ordinal);
        Assert.Contains("+25.00%", output, StringComparison.Ordinal);
        Assert.Contains("Welch t-test", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--control '120/40x00': impressions '40x00' is not a whole number", "stats", "proportions", "--control", "120/40x00", "--variant", "150/4000")]
    [InlineData("--control is required", "stats", "proportions", "--variant", "150/4000")]
    [InlineData("--variant is required", "stats", "proportions", "--control", "120/4000")]
    [InlineData("--variant 2 '5/3': clicks (5) cannot exceed impressions (3)", "stats", "proportions", "--control", "1/10", "--variant", "2/10", "--variant", "5/3")]
    [InlineData("--control '1/0': impressions must be more than 0", "stats", "proportions", "--control", "1/0", "--variant", "2/10")]
    [InlineData("--variant '150' is not CLICKS/IMPRESSIONS", "stats", "proportions", "--control", "1/10", "--variant", "150")]
    [InlineData("--method 'magic' is not one of frequentist, sequential, bayesian", "stats", "proportions", "--control", "1/10", "--variant", "2/10", "--method", "magic")]
    [InlineData("--relative and --absolute exclude each other", "stats", "proportions", "--control", "1/10", "--variant", "2/10", "--relative", "--absolute")]
    [InlineData("--tuning only applies to --method sequential", "stats", "proportions", "--control", "1/10", "--variant", "2/10", "--tuning", "100")]
    [InlineData("--prior '0.1' is not MEAN,VARIANCE", "stats", "proportions", "--control", "1/10", "--variant", "2/10", "--method", "bayesian", "--prior", "0.1")]
    [InlineData("--alpha is 0.7; it must be between 0 and 0.5", "stats", "proportions", "--control", "1/10", "--variant", "2/10", "--alpha", "0.7")]
    [InlineData("--adjust 'bonferroni' is not one of holm, bh, none", "stats", "proportions", "--control", "1/10", "--variant", "2/10", "--adjust", "bonferroni")]
    public void Bad_input_names_the_argument_and_what_was_wrong(string message, params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
