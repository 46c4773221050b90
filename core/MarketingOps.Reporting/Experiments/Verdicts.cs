using MarketingOps.Core.Statistics;

namespace MarketingOps.Reporting.Experiments;

/// <summary>Verdicts in the words reports use.</summary>
internal static class Verdicts
{
    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.VariantBetter => "better",
        Verdict.VariantWorse => "worse",
        Verdict.NotEnoughData => "not enough data",
        Verdict.NotAnalysable => "not analysable",
        _ => "no clear difference",
    };
}
