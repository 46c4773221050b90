namespace MarketingOps.Plugins.Bluesky;

/// <summary>The parts of an <c>at://repo/collection/rkey</c> URI.</summary>
internal sealed record AtUri(string Repo, string Collection, string RecordKey)
{
    public static AtUri? TryParse(string? value)
    {
        if (value is null || !value.StartsWith("at://", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = value["at://".Length..].Split('/');
        return parts is [{ Length: > 0 } repo, { Length: > 0 } collection, { Length: > 0 } rkey] ? new AtUri(repo, collection, rkey) : null;
    }
}
