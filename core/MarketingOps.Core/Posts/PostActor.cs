namespace MarketingOps.Core.Posts;

/// <summary>Who asks for a change to a post (recorded in its history), and the version they saw, when they name one.</summary>
/// <param name="By">Who, in the history's words: "a user" on the command line, "alice (api)" through the API.</param>
/// <param name="IfVersion">The change is refused with <see cref="PostVersionMismatchException"/> when the post is no longer at this version.</param>
public sealed record PostActor(string By = "a user", long? IfVersion = null);
