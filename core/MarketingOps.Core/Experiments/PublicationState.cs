namespace MarketingOps.Core.Experiments;

/// <summary>What became of a scheduled post, as far as experiments care.</summary>
internal enum PublicationState
{
    /// <summary>Still waiting (scheduled, in the inbox, publishing, unconfirmed).</summary>
    Pending,

    Published,

    /// <summary>Failed, cancelled or missed: it will not run.</summary>
    Failed,
}
