namespace MarketingOps.Sdk;

/// <summary>What a platform reads from a post's web address: the platform id of one of the account's posts, or why it cannot be.</summary>
public sealed class PostUrlMatch
{
    private PostUrlMatch(string? id, string? problem, bool supported)
    {
        Id = id;
        Problem = problem;
        Supported = supported;
    }

    /// <summary>The platform id the address points at (the id <see cref="PublishedPost.Id"/> would have); null when refused or not supported.</summary>
    public string? Id { get; }

    /// <summary>Why the address is not one of the account's posts, in words a user can act on.</summary>
    public string? Problem { get; }

    /// <summary>False when the plugin cannot read ids from addresses (the host then records the address alone).</summary>
    public bool Supported { get; }

    /// <summary>The plugin does not read addresses.</summary>
    public static PostUrlMatch NotSupported { get; } = new(null, null, supported: false);

    /// <summary>The address is the account's post with this platform id.</summary>
    public static PostUrlMatch Found(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new PostUrlMatch(id, null, supported: true);
    }

    /// <summary>The address is not a post of the account (another platform, instance or account, or not a post at all).</summary>
    public static PostUrlMatch Refused(string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        return new PostUrlMatch(null, problem, supported: true);
    }
}
