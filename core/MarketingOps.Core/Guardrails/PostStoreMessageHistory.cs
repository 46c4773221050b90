using System.Runtime.CompilerServices;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Guardrails;

/// <summary>
/// The guardrails' history read from the post store: every post, reply and direct message that is waiting,
/// scheduled, going out or out, with its kind, recipient, origin, trigger and template as stored.
/// </summary>
internal sealed class PostStoreMessageHistory(IPostStore store) : IMessageHistory
{
    private static readonly PostState[] Counted = [PostState.PendingApproval, PostState.Scheduled, PostState.Publishing, PostState.Published, PostState.Unconfirmed];

    public async IAsyncEnumerable<OutgoingMessage> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var posts = await store.ListAsync(new PostQuery(Limit: int.MaxValue), cancellationToken);
        foreach (var post in posts.Where(p => Counted.Contains(p.State) && p.DueAt >= since).OrderBy(p => p.DueAt))
        {
            yield return post.ToMessage(post.DueAt);
        }
    }
}
