using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Guardrails.Doubles;

/// <summary>
/// A pipeline over hand-written doubles. Accounts: <c>acme-x</c> and <c>acme-x2</c> on X (UTC), <c>acme-sb</c> on the
/// permissive sandbox (UTC), <c>acme-tokyo</c> on X in Asia/Tokyo, <c>acme-board</c> on a posts-only platform,
/// <c>acme-gone</c> on a platform that is not active. The clock starts at noon UTC.
/// </summary>
public sealed class GuardrailHarness : IDisposable
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly GuardrailPipeline _pipeline;
    private int _nextId;

    public GuardrailHarness(Action<GuardrailOptions>? configure = null, InMemoryMessageHistory? history = null)
    {
        var options = new GuardrailOptions { QuietHoursStart = null, QuietHoursEnd = null };
        configure?.Invoke(options);
        Options = options;
        Registry = new FakeRegistry(
            [
                new ClientAccount("acme-x", "x", TimeZoneInfo.Utc),
                new ClientAccount("acme-x2", "x", TimeZoneInfo.Utc),
                new ClientAccount("acme-sb", "sandbox", TimeZoneInfo.Utc),
                new ClientAccount("acme-tokyo", "x", TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")),
                new ClientAccount("acme-board", "board", TimeZoneInfo.Utc),
                new ClientAccount("acme-gone", "gone", TimeZoneInfo.Utc),
            ],
            [FakePlatform.X(), FakePlatform.Sandbox(), FakePlatform.PostsOnly()]);
        History = history ?? new InMemoryMessageHistory();
        _pipeline = new GuardrailPipeline(Registry, History, Audience, Rejections, Microsoft.Extensions.Options.Options.Create(options), Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Noon);

    public GuardrailOptions Options { get; }

    public FakeRegistry Registry { get; }

    public InMemoryMessageHistory History { get; }

    public InMemoryAudienceHistory Audience { get; } = new();

    public InMemoryGuardrailRejectionLog Rejections { get; } = new();

    public IGuardrails Guardrails => _pipeline;

    internal GuardrailPipeline Pipeline => _pipeline;

    public OutgoingMessage Post(string text, string account = "acme-x", MessageOrigin origin = MessageOrigin.Hand, DateTimeOffset? at = null) =>
        new($"m{++_nextId}", account, new PostDraft(text), at ?? Clock.GetUtcNow(), origin);

    public OutgoingMessage Reply(string text, string to, string? inReplyTo = null, string account = "acme-x", MessageOrigin origin = MessageOrigin.Hand, DateTimeOffset? at = null) =>
        new($"m{++_nextId}", account, new PostDraft(text) { Kind = MessageKind.Reply, Recipient = to, InReplyTo = inReplyTo }, at ?? Clock.GetUtcNow(), origin);

    public OutgoingMessage DirectMessage(string text, string to, string account = "acme-x", MessageOrigin origin = MessageOrigin.Hand, DateTimeOffset? at = null) =>
        new($"m{++_nextId}", account, new PostDraft(text) { Kind = MessageKind.DirectMessage, Recipient = to }, at ?? Clock.GetUtcNow(), origin);

    public Task<GuardrailVerdict> CheckAsync(OutgoingMessage message) => _pipeline.CheckAsync(message, TestContext.Current.CancellationToken);

    /// <summary>Checks, and records the message as scheduled when nothing rejected it (what the publishing side does).</summary>
    public async Task<GuardrailVerdict> SendAsync(OutgoingMessage message)
    {
        var verdict = await CheckAsync(message);
        if (verdict.Outcome != GuardrailOutcome.Reject)
        {
            await _pipeline.RecordAsync(message, TestContext.Current.CancellationToken);
        }

        return verdict;
    }

    public Task RecordAsync(OutgoingMessage message) => _pipeline.RecordAsync(message, TestContext.Current.CancellationToken);

    public Task AudienceEventAsync(string account, AudienceEvent audienceEvent) =>
        Audience.RecordAsync(account, [audienceEvent], TestContext.Current.CancellationToken);

    public static GuardrailRuleResult Rule(GuardrailVerdict verdict, string rule) => verdict.Results.Single(r => r.Rule == rule);

    public void Dispose() => _pipeline.Dispose();
}
