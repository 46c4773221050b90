using System.Runtime.CompilerServices;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Guardrails;

/// <summary>
/// The guardrails' history read from the post store: every post, reply and direct message that is waiting,
/// scheduled, going out or out, with its kind, recipient, origin, trigger and template as stored. Also a feed of
/// changes (the post transitions), so a long-running process sees what other processes schedule or cancel.
/// </summary>
internal sealed class PostStoreMessageHistory(IPostStore store) : IMessageHistory, IMessageHistoryFeed
{
    private static readonly PostState[] Counted = [PostState.PendingApproval, PostState.Scheduled, PostState.Publishing, PostState.Published, PostState.Unconfirmed];

    public async IAsyncEnumerable<OutgoingMessage> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        foreach (var post in await store.ListDueSinceAsync(Counted, since, cancellationToken))
        {
            yield return ToMessage(post);
        }
    }

    public async Task<long> GetPositionAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        return await store.GetChangePositionAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MessageHistoryChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var changes = await store.ListChangesAsync(after, limit, cancellationToken);
        return [.. changes.Select(c => new MessageHistoryChange(c.Position, c.Post.Id, Counted.Contains(c.Post.State) ? ToMessage(c.Post) : null))];
    }

    private static OutgoingMessage ToMessage(Post post) => post.ToMessage(post.DueAt);
}
