namespace MarketingOps.Core.Experiments.Publishing;

/// <summary>What became of a scheduled post, as far as experiments care.</summary>
internal enum PublicationState
{
    /// <summary>Still waiting (scheduled, in the inbox, publishing, unconfirmed).</summary>
    Pending,

    Published,

    /// <summary>Failed or missed: it will not run.</summary>
    Failed,

    /// <summary>Withdrawn before publishing (by a person, a stop or a decision): it will not run, and was not lost.</summary>
    Cancelled,
}
