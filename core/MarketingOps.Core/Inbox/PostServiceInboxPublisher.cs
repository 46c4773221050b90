using System.Globalization;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// Hands decided inbox items to the post service: approved posts, replies and direct messages become posts in the
/// normal publishing pipeline; a held post is released with its text as approved (edited or not).
/// </summary>
internal sealed class PostServiceInboxPublisher(PostService posts) : IInboxPublisher
{
    public async Task<string> SendAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var unattended = decidedBy == InboxService.PolicyDecider;
        var request = new ScheduleRequest(message.Account, message.At.ToString("O", CultureInfo.InvariantCulture), message.Draft.Text)
        {
            Media = message.Draft.Media,
            Kind = message.Kind,
            Recipient = message.Draft.Recipient,
            InReplyTo = message.Draft.InReplyTo,
            Origin = message.Origin,
            TriggerEventId = message.TriggerEventId,
            Template = message.Template,
            ExperimentId = message.ExperimentId,
            Variant = message.VariantId,
            Source = unattended ? "inbox (sent unattended by policy)" : $"inbox (approved by {decidedBy})",

            // The policy is not a person: an unattended message still waits when its account requires approval.
            ApprovedBy = unattended ? null : decidedBy,
        };
        var scheduled = await posts.ScheduleAsync(request, cancellationToken);
        return scheduled.Post.Id;
    }

    public async Task ReleaseAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // A thread's parts are released one by one: an approval cut short by a crash is finished by approving again,
        // which passes over the parts already released.
        if (await posts.FindAsync(message.Id, cancellationToken) is { State: not PostState.PendingApproval, ApprovedBy: not null })
        {
            return;
        }

        await posts.ApproveAsync(message.Id, decidedBy, message.Draft.Text, cancellationToken);
    }

    public async Task DiscardAsync(string postId, string decidedBy, string reason, CancellationToken cancellationToken) =>
        await posts.CancelAsync(postId, cancellationToken);
}
