using System.Text.Json.Serialization;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Experiments.Analysis;

/// <summary>
/// What the decision rule concluded: the winner and the lift behind it. When the control wins,
/// <see cref="Estimate"/> is the best challenger's (negative) lift against it.
/// </summary>
/// <param name="Winner">The winning variant's name.</param>
/// <param name="ComparedWith">The arm whose lift against the control is quoted.</param>
/// <param name="Estimate">Lift of <see cref="ComparedWith"/> over the control.</param>
/// <param name="Low">Lower bound of its interval.</param>
/// <param name="High">Upper bound of its interval.</param>
/// <param name="Method">The inference that decided.</param>
/// <param name="Kind">Relative or absolute lift.</param>
/// <param name="DecidedAt">When the rule fired.</param>
/// <param name="Look">Which look (metrics collection) fired it.</param>
internal sealed record ExperimentDecision(
    string Winner,
    string ComparedWith,
    double Estimate,
    double Low,
    double High,
    AnalysisMethod Method,
    LiftKind Kind,
    DateTimeOffset DecidedAt,
    int Look)
{
    /// <summary>The adjusted p-value behind a frequentist or sequential decision.</summary>
    public double? PValue { get; init; }

    /// <summary>The chance to beat control behind a Bayesian decision.</summary>
    public double? ChanceToBeatControl { get; init; }

    /// <summary>The chance's name in decisions stored before it was named apart from the chance to be best; read, never written.</summary>
    [JsonInclude]
    [JsonPropertyName("chanceToWin")]
    private double? StoredChanceToWin
    {
        get => null;
        init => ChanceToBeatControl ??= value;
    }

    /// <summary>The host's id of the scheduled winner post, when <see cref="WinnerFollowUp.ScheduleWinner"/> was set.</summary>
    public string? WinnerPostId { get; init; }

    /// <summary>Why the winner was not scheduled (a guardrail refused it), if so.</summary>
    public string? WinnerPostProblem { get; init; }

    /// <summary>Planned posts the decision withdrew before they went out (all variants', or the losers' when the winner keeps posting).</summary>
    public int PostsCancelled { get; init; }
}
