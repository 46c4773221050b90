namespace MarketingOps.Core.Posts;

/// <summary>A change of state the post's life does not allow.</summary>
public sealed class IllegalTransitionException : InvalidOperationException
{
    public IllegalTransitionException(string postId, PostState from, PostState to)
        : base($"Post {postId} cannot go from {from} to {to}; from {from} it can go to: {Describe(PostStateMachine.Next(from))}.")
    {
        PostId = postId;
        From = from;
        To = to;
    }

    public IllegalTransitionException()
    {
        PostId = string.Empty;
    }

    public IllegalTransitionException(string message)
        : base(message)
    {
        PostId = string.Empty;
    }

    public IllegalTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        PostId = string.Empty;
    }

    public string PostId { get; }

    public PostState From { get; }

    public PostState To { get; }

    private static string Describe(IReadOnlyList<PostState> states) => states.Count == 0 ? "nothing (it is final)" : string.Join(", ", states);
}
