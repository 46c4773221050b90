using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;

namespace MarketingOps.Testing;

/// <summary>Stands in for the post service: remembers every call and, like it, records scheduled posts with the guardrails.</summary>
public sealed class RecordingInboxPublisher(IGuardrails guardrails) : IInboxPublisher
{
    public List<OutgoingMessage> Sent { get; } = [];

    public List<OutgoingMessage> Released { get; } = [];

    public List<(string PostId, string Reason)> Discarded { get; } = [];

    public int Calls => Sent.Count + Released.Count + Discarded.Count;

    public async Task<string> SendAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken)
    {
        Sent.Add(message);
        var postId = $"post-{Sent.Count}";
        await guardrails.RecordAsync(message with { Id = postId }, cancellationToken);
        return postId;
    }

    public async Task ReleaseAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken)
    {
        Released.Add(message);
        await guardrails.RecordAsync(message, cancellationToken);
    }

    public Task DiscardAsync(string postId, string decidedBy, string reason, CancellationToken cancellationToken)
    {
        Discarded.Add((postId, reason));
        return Task.CompletedTask;
    }
}
