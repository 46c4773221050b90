namespace MarketingOps.Host.Dashboard;

/// <summary>A change to a post from its page: the version the person saw (refused if it moved on) and, for resolve, what they found.</summary>
internal sealed class PostActionForm
{
    /// <summary><c>cancel</c>, <c>retry</c> or <c>resolve</c>.</summary>
    public string? Kind { get; set; }

    public string? ETag { get; set; }

    public string? PublishedUrl { get; set; }

    public string? Outcome { get; set; }
}
