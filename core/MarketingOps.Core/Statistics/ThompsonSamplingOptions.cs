namespace MarketingOps.Core.Statistics;

/// <summary>Settings of Thompson sampling for bandit rotation of evergreen variants.</summary>
internal sealed class ThompsonSamplingOptions
{
    /// <summary>Posterior draws used to estimate each arm's weight. The default value is 10000.</summary>
    public int Draws { get; set; } = 10_000;

    /// <summary>
    /// Share every arm keeps whatever the posterior says, so a slow starter can recover. The default value is 0.01.
    /// Applied as an additive floor (wᵢ' = f + (1 − k f) wᵢ), which keeps the posterior's ordering and spacing.
    /// </summary>
    public double MinimumShare { get; set; } = 0.01;

    /// <summary>Whether a lower rate is better (e.g. unfollows per impression). The default value is HigherIsBetter.</summary>
    public MetricDirection Direction { get; set; } = MetricDirection.HigherIsBetter;

    /// <summary>
    /// Top-two Thompson sampling: credit both the best and the runner-up of each draw, which keeps exploring
    /// the challenger. The default value is false.
    /// </summary>
    public bool TopTwo { get; set; }
}
