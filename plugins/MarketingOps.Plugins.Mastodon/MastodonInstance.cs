namespace MarketingOps.Plugins.Mastodon;

/// <summary>What /api/v2/instance says about status length.</summary>
internal sealed record MastodonInstance(int MaxCharacters, int CharactersReservedPerUrl, int MaxMediaAttachments)
{
    public static MastodonInstance Default { get; } = new(MastodonDescriptor.DefaultMaxCharacters, 23, 4);

    /// <summary>Why Mastodon's defaults stand in for the instance's own limits; null when they were read.</summary>
    public string? Fallback { get; init; }
}
