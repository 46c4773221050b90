using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Sdk;

namespace MarketingOps.Workflows.FollowUp.Tests.Doubles;

/// <summary>The simplest post service: publishes an approved message right away and tells the guardrails.</summary>
public sealed class PlatformPublisher(IPlatform platform, IGuardrails guardrails, TimeProvider clock) : IInboxPublisher
{
    public async Task<string> SendAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken)
    {
        var result = await platform.PublishAsync(new PublishRequest(message.Account, message.Draft, message.Id, 1, clock.GetUtcNow()), cancellationToken);
        if (result.Post is not { } post)
        {
            throw new InvalidOperationException($"publish failed: {result.Error!.Message}");
        }

        await guardrails.RecordAsync(message with { Id = post.Id }, cancellationToken);
        return post.Id;
    }

    public Task ReleaseAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken) => throw new NotSupportedException("no held posts here");

    public Task DiscardAsync(string postId, string decidedBy, string reason, CancellationToken cancellationToken) => throw new NotSupportedException("no held posts here");
}
