using System.Runtime.CompilerServices;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Guardrails;

/// <summary>
/// The guardrails' history read from the post store: every post that is waiting, scheduled, going out or out.
/// The store has no kind, recipient or origin yet, so every stored post counts as a hand-written public post.
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
            yield return new OutgoingMessage(post.Id, post.Account, post.ToDraft(), post.DueAt, MessageOrigin.Hand)
            {
                ExperimentId = post.ExperimentId,
                VariantId = post.Variant,
            };
        }
    }
}
