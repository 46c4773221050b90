using MarketingOps.Core.Inbox;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Inbox;

/// <summary>An inbox over the guardrail harness, an in-memory store and a recording publisher.</summary>
public sealed class InboxHarness : IDisposable
{
    public const string Workflow = "followup/follow-up";

    public InboxHarness(IUnattendedPolicy? policy = null)
    {
        Publisher = new RecordingInboxPublisher(Guardrails.Guardrails);
        Inbox = new InboxService(Store, Guardrails.Guardrails, Publisher, policy ?? UnattendedPolicy.None, Guardrails.Registry, Guardrails.Clock);
    }

    public GuardrailHarness Guardrails { get; } = new();

    public InMemoryInboxStore Store { get; } = new();

    public RecordingInboxPublisher Publisher { get; }

    public IInbox Inbox { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static Proposal Reply(string text, string to, string account = "acme-sb", string? eventId = null) =>
        new(account == "acme-sb" ? "sandbox" : "x", account, new PostDraft(text) { Kind = MessageKind.Reply, Recipient = to, InReplyTo = eventId is null ? null : "p-" + eventId }, $"mention by @{to}")
        {
            TriggerEventId = eventId,
            Facts = new Dictionary<string, string> { ["recent post"] = "sourdough hydration" },
        };

    public static Proposal DirectMessage(string text, string to, string account = "acme-sb", string? eventId = null) =>
        new(account == "acme-sb" ? "sandbox" : "x", account, new PostDraft(text) { Kind = MessageKind.DirectMessage, Recipient = to }, $"new follower @{to}")
        {
            TriggerEventId = eventId,
        };

    public void Dispose() => Guardrails.Dispose();
}
