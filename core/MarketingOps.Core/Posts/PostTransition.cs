namespace MarketingOps.Core.Posts;

/// <summary>One recorded change of a post's state.</summary>
/// <param name="At">When it happened.</param>
/// <param name="From">The state before; <see langword="null"/> when the post was created.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why, in words a user understands.</param>
public sealed record PostTransition(DateTimeOffset At, PostState? From, PostState To, string Reason);
