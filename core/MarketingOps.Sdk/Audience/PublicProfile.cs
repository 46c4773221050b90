namespace MarketingOps.Sdk;

/// <summary>A person's public profile.</summary>
/// <param name="Handle">Their handle.</param>
/// <param name="DisplayName">Their display name.</param>
/// <param name="Bio">Their bio.</param>
/// <param name="RecentPosts">Their most recent public posts, newest first.</param>
public sealed record PublicProfile(string Handle, string DisplayName, string Bio, IReadOnlyList<string> RecentPosts);
