namespace MarketingOps.Sdk;

/// <summary>The outcome of a delete.</summary>
/// <param name="Error">Why the post was not deleted; <see langword="null"/> on success.</param>
public sealed record DeleteResult(PlatformError? Error = null)
{
    /// <summary>The post is gone.</summary>
    public static DeleteResult Deleted { get; } = new();

    /// <summary>True when the post was deleted (or was already gone).</summary>
    public bool Succeeded => Error is null;
}
