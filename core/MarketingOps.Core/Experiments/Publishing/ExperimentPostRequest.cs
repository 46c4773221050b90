using MarketingOps.Sdk;

namespace MarketingOps.Core.Experiments.Publishing;

/// <summary>A post the experiments engine asks publishing to schedule.</summary>
internal sealed record ExperimentPostRequest(string ExperimentId, string Variant, string Account, string Text, DateTimeOffset At)
{
    public IReadOnlyList<MediaAttachment> Media { get; init; } = [];

    /// <summary>Who asks, for the post's history. The default value is <c>experiment</c>.</summary>
    public string Source { get; init; } = "experiment";

    /// <summary>The links' <c>utm_campaign</c>: the experiment's name. The default value is none.</summary>
    public string? Campaign { get; init; }
}
