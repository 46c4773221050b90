namespace MopsPlatform;

/// <summary>A post as the network stores it.</summary>
internal sealed record NetworkPost(string Id, string Account, string Text, string Key, DateTimeOffset CreatedAt);
