namespace MarketingOps.Core.Statistics;

/// <summary>The inference used to judge a variant against the control.</summary>
internal enum AnalysisMethod
{
    /// <summary>Welch t-test, valid for one look at the data.</summary>
    Frequentist,

    /// <summary>Always-valid confidence sequences: safe to look at any time.</summary>
    Sequential,

    /// <summary>Normal posterior on the lift: chance to win and risk.</summary>
    Bayesian,
}
