namespace MarketingOps.Sdk;

/// <summary>Where a draft sits in a thread its account writes itself: it replies to <paramref name="ParentId"/>, under the thread's first post <paramref name="RootId"/>.</summary>
/// <param name="ParentId">The platform id of the part before this one; the host sets <see cref="PostDraft.InReplyTo"/> to it too, for plugins that know only replies.</param>
/// <param name="RootId">The platform id of the thread's first part (Bluesky's reply root).</param>
/// <param name="Part">This part's position, 2 for the first reply.</param>
/// <param name="Parts">How many parts the thread has.</param>
public sealed record ThreadReference(string ParentId, string RootId, int Part, int Parts);
