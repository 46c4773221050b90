namespace MarketingOps.Core.Posts;

/// <summary>A change named the version of the post it was based on, and the post has changed since.</summary>
public sealed class PostVersionMismatchException : Exception
{
    public PostVersionMismatchException(Post current)
        : base($"Post {current?.Id} has changed (it is now version {current?.Version}, {current?.State}); read it again and retry.")
    {
        Current = current;
    }

    public PostVersionMismatchException()
    {
    }

    public PostVersionMismatchException(string message)
        : base(message)
    {
    }

    public PostVersionMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The post as it is now.</summary>
    public Post? Current { get; }
}
