using System.Text.Json.Serialization;
using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>When an experiment may declare a winner, and with which statistics.</summary>
internal sealed record DecisionRule
{
    /// <summary>
    /// The inference. Sequential decides at any look (each metrics collection); frequentist and Bayesian decide
    /// once, at the horizon, because looking repeatedly would inflate their error rates. The default value is sequential.
    /// </summary>
    public AnalysisMethod Method { get; init; } = AnalysisMethod.Sequential;

    /// <summary>Significance level for sequential and frequentist decisions. The default value is 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Chance to beat control a Bayesian decision needs. The default value is 0.95.</summary>
    public double ChanceToBeatControl { get; init; } = 0.95;

    /// <summary>The threshold's name in definitions stored before it was named apart from the chance to be best; read, never written.</summary>
    [JsonInclude]
    [JsonPropertyName("chanceToWin")]
    private double? StoredChanceToWin
    {
        get => null;
        init => ChanceToBeatControl = value ?? ChanceToBeatControl;
    }

    /// <summary>
    /// An informative normal prior on the lift for a Bayesian decision (stated on the relative lift unless its scale
    /// says otherwise); null uses none, as GrowthBook does, so the data speak for themselves. The report prints the
    /// prior and how much of each estimate it makes up. The default value is null.
    /// </summary>
    public NormalPrior? Prior { get; init; }

    /// <summary>Impressions (units) every variant needs before any verdict. The default value is 50.</summary>
    public long MinImpressionsPerVariant { get; init; } = 50;

    /// <summary>Events (the metric's numerator) every variant needs before any verdict. The default value is 5.</summary>
    public long MinEventsPerVariant { get; init; } = 5;

    /// <summary>Measured posts every variant needs before any verdict. The default value is 2.</summary>
    public int MinPostsPerVariant { get; init; } = 2;

    /// <summary>Total units at which sequential intervals are tightest (N*); null uses the engine's default. The default value is null.</summary>
    public double? SequentialTuning { get; init; }

    /// <summary>
    /// A bandit rotation instead of a test: no winner is ever declared and no posts are planned up front; each post
    /// is added when Thompson sampling picks its variant (see <see cref="ExperimentService.PickAsync"/>). The default value is false.
    /// </summary>
    public bool Bandit { get; init; }

    /// <summary>The share of picks every variant of a bandit keeps whatever its results, so a slow starter can recover. The default value is 0.1.</summary>
    public double MinimumShare { get; init; } = 0.1;

    /// <summary>Relative or absolute lift. The default value is relative.</summary>
    public LiftKind Lift { get; init; } = LiftKind.Relative;
}
