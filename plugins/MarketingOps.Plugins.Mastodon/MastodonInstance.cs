namespace MarketingOps.Plugins.Mastodon;

/// <summary>What /api/v2/instance says about status length.</summary>
internal sealed record MastodonInstance(int MaxCharacters, int CharactersReservedPerUrl, int MaxMediaAttachments)
{
    public static MastodonInstance Default { get; } = new(MastodonDescriptor.DefaultMaxCharacters, 23, 4);
}
