using System.Globalization;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// Hands decided inbox items to the post service. The post service publishes public posts only so far: approving a
/// reply or direct message says so instead of posting it publicly, and an edited held post cannot be released yet.
/// </summary>
internal sealed class PostServiceInboxPublisher(PostService posts) : IInboxPublisher
{
    public async Task<string> SendAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != MessageKind.Post)
        {
            throw new InboxException($"The post service cannot send {(message.Kind == MessageKind.Reply ? "replies" : "direct messages")} yet; the item stays in the inbox.");
        }

        var request = new ScheduleRequest(message.Account, message.At.ToString("O", CultureInfo.InvariantCulture), message.Draft.Text)
        {
            Media = message.Draft.Media,
            ExperimentId = message.ExperimentId,
            Variant = message.VariantId,
            Source = $"inbox (approved by {decidedBy})",
        };
        var scheduled = await posts.ScheduleAsync(request, cancellationToken);
        return scheduled.Post.Id;
    }

    public async Task ReleaseAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = await posts.ShowAsync(message.Id, cancellationToken);
        if (!string.Equals(stored.Post.Text, message.Draft.Text, StringComparison.Ordinal))
        {
            throw new InboxException($"Post {message.Id} cannot be edited on approval yet; approve it as it is, or reject it and schedule the new text.");
        }

        await posts.ApproveAsync(message.Id, decidedBy, cancellationToken);
    }

    public async Task DiscardAsync(string postId, string decidedBy, string reason, CancellationToken cancellationToken) =>
        await posts.CancelAsync(postId, cancellationToken);
}
