
namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>What an experiment tests and how, as a marketer states it in a file or a script.</summary>
/// <param name="Name">Unique name of the experiment.</param>
/// <param name="Variants">2–8 variants; the first is the control.</param>
/// <param name="Accounts">Accounts the variants are posted from, taking turns by round.</param>
/// <param name="Metric">The primary metric: the one the decision rule judges.</param>
internal sealed record ExperimentDefinition(
    string Name,
    IReadOnlyList<VariantDefinition> Variants,
    IReadOnlyList<string> Accounts,
    MetricDefinition Metric)
{
    public const int MinVariants = 2;
    public const int MaxVariants = 8;

    /// <summary>What the experiment is about, for the report. The default value is empty.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Metrics that must not get worse; reported and warned about, never the decider. The default value is none.</summary>
    public IReadOnlyList<MetricDefinition> Guardrails { get; init; } = [];

    /// <summary>How the variants' posts are spread over slots and accounts. The default value is <see cref="AllocationPlan"/>'s defaults.</summary>
    public AllocationPlan Allocation { get; init; } = new();

    /// <summary>How long metrics keep being collected after the last slot. The default value is 7 days.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(7);

    /// <summary>When and how a winner is declared. The default value is a sequential test at α = 0.05.</summary>
    public DecisionRule Decision { get; init; } = new();

    /// <summary>What happens once a winner is declared. The default value is nothing.</summary>
    public WinnerFollowUp OnWin { get; init; } = WinnerFollowUp.None;

    public VariantDefinition Control => Variants[0];
}
