using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Guardrails;

/// <summary>
/// Runs every rule in order and keeps the ledger the rules read. The ledger is filled from
/// <see cref="IMessageHistory"/> on first use (only the window the rules look at), then kept current by
/// <see cref="RecordAsync"/> and <see cref="ForgetAsync"/>, and, when the history is a feed other processes write to,
/// by reading the changes since the last look before every check.
/// </summary>
internal sealed class GuardrailPipeline : IGuardrails, IDisposable
{
    private static readonly IGuardrailRule[] Rules =
    [
        new PlatformTextRule(),
        new DuplicateContentRule(),
        new FanOutRule(),
        new AccountCapsRule(),
        new QuietHoursRule(),
        new DirectMessageFirstContactRule(),
        new WelcomeMessageRule(),
        new AutoReplyRule(),
    ];

    private readonly IPlatformRegistry _registry;
    private readonly IMessageHistory _history;
    private readonly IAudienceHistory _audience;
    private readonly IGuardrailRejectionLog _rejections;
    private readonly GuardrailOptions _options;
    private readonly TimeProvider _clock;
    private readonly MessageLedger _ledger;
    private readonly MessageHistoryFollower? _follower;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;
    private int _recordsSincePrune;

    public GuardrailPipeline(
        IPlatformRegistry registry,
        IMessageHistory history,
        IAudienceHistory audience,
        IGuardrailRejectionLog rejections,
        IOptions<GuardrailOptions> options,
        TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _history = history;
        _audience = audience;
        _rejections = rejections;
        _options = options.Value;
        _clock = clock;
        _ledger = new MessageLedger(_options.NearDuplicateThreshold);
        _follower = history is IMessageHistoryFeed feed ? new MessageHistoryFollower(feed, clock) : null;
    }

    internal MessageLedger Ledger => _ledger;

    /// <summary>How far back any rule looks; older messages are dropped from the ledger.</summary>
    private TimeSpan Horizon => new[] { _options.DuplicateWindow, _options.FanOutWindow, TimeSpan.FromDays(1) }.Max();

    public async Task<GuardrailVerdict> CheckAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var verdict = await ExplainAsync(message, cancellationToken);
        var now = _clock.GetUtcNow();
        foreach (var result in verdict.Results.Where(r => r.Outcome == GuardrailOutcome.Reject))
        {
            await _rejections.RecordAsync(
                new GuardrailRejection(message.Id, message.Account, message.Kind, message.Origin, result.Rule, result.Reason, now),
                cancellationToken);
        }

        return verdict;
    }

    public async Task<GuardrailVerdict> ExplainAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureLoadedAsync(cancellationToken);
        await CatchUpAsync(cancellationToken);
        return await EvaluateAsync(message, _ledger, cancellationToken);
    }

    /// <summary>Runs every rule against <paramref name="ledger"/>: the live one, or a batch's scratch copy.</summary>
    private async Task<GuardrailVerdict> EvaluateAsync(OutgoingMessage message, MessageLedger ledger, CancellationToken cancellationToken)
    {
        var context = await CreateContextAsync(message, ledger, cancellationToken);
        if (context is null)
        {
            return new GuardrailVerdict(message.Id, [GuardrailRuleResult.Reject(GuardrailRuleNames.Account, $"no account named '{message.Account}'")]);
        }

        var results = new List<GuardrailRuleResult>(Rules.Length);
        foreach (var rule in Rules)
        {
            results.Add(await rule.EvaluateAsync(context, cancellationToken));
        }

        return new GuardrailVerdict(message.Id, results);
    }

    public async Task<IReadOnlyList<GuardrailVerdict>> ExplainAllAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await EnsureLoadedAsync(cancellationToken);
        await CatchUpAsync(cancellationToken);

        // A copy takes the batch's own messages, so nothing checked here is seen by anyone else.
        var scratch = _ledger.Copy();
        var verdicts = new List<GuardrailVerdict>(messages.Count);
        foreach (var message in messages)
        {
            var verdict = await EvaluateAsync(message, scratch, cancellationToken);
            verdicts.Add(verdict);
            if (verdict.Outcome != GuardrailOutcome.Reject && await CreateEntryAsync(message, cancellationToken) is { } entry)
            {
                scratch.Record(entry);
            }
        }

        return verdicts;
    }

    public async Task RecordAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureLoadedAsync(cancellationToken);
        if (await CreateEntryAsync(message, cancellationToken) is { } entry)
        {
            _ledger.Record(entry);
        }

        if (Interlocked.Increment(ref _recordsSincePrune) >= 4096)
        {
            _recordsSincePrune = 0;
            _ledger.Prune(_clock.GetUtcNow() - Horizon);
        }
    }

    public async Task ForgetAsync(string messageId, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        _ledger.Forget(messageId);
    }

    public void Dispose() => _loading.Dispose();

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            // The mark is read first: a change made during the load is read again by the first catch-up.
            if (_follower is not null)
            {
                await _follower.StartAsync(cancellationToken);
            }

            var since = _clock.GetUtcNow() - Horizon;
            await foreach (var message in _history.ReadSinceAsync(since, cancellationToken))
            {
                if (await CreateEntryAsync(message, cancellationToken) is { } entry)
                {
                    _ledger.Record(entry);
                }
            }

            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Applies what other processes (and this one) changed in the history since the last look.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (_follower is null)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            var since = _clock.GetUtcNow() - Horizon;
            foreach (var change in await _follower.PollAsync(cancellationToken))
            {
                if (change.Message is { } message && message.At >= since && await CreateEntryAsync(message, cancellationToken) is { } entry)
                {
                    _ledger.Record(entry);
                }
                else
                {
                    _ledger.Forget(change.MessageId);
                }
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<GuardrailContext?> CreateContextAsync(OutgoingMessage message, MessageLedger ledger, CancellationToken cancellationToken)
    {
        if (_registry.FindAccount(message.Account) is not { } account)
        {
            return null;
        }

        var (entry, trigger) = await CreateEntryAsync(message, account.Platform, cancellationToken);
        return new GuardrailContext(message, account, _registry.FindPlatform(account.Platform), entry, trigger, _options, ledger, _audience);
    }

    private async Task<LedgerEntry?> CreateEntryAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        _registry.FindAccount(message.Account) is { } account
            ? (await CreateEntryAsync(message, account.Platform, cancellationToken)).Entry
            : null;

    private async Task<(LedgerEntry Entry, AudienceEvent? Trigger)> CreateEntryAsync(OutgoingMessage message, string platform, CancellationToken cancellationToken)
    {
        var trigger = message.TriggerEventId is { } eventId
            ? await _audience.FindEventAsync(message.Account, eventId, cancellationToken)
            : null;
        return (LedgerEntry.Create(message, platform, await ResolveRecipientAsync(message, trigger, cancellationToken)), trigger);
    }

    /// <summary>A reply's recipient is the author of what it answers, when the draft does not say.</summary>
    private async Task<string?> ResolveRecipientAsync(OutgoingMessage message, AudienceEvent? trigger, CancellationToken cancellationToken)
    {
        if (Handles.NormalizeOrNull(message.Draft.Recipient) is { } recipient)
        {
            return recipient;
        }

        if (message.Kind == MessageKind.Post)
        {
            return null;
        }

        if (trigger is not null)
        {
            return Handles.Normalize(trigger.Handle);
        }

        return message.Draft.InReplyTo is { } postId && await _audience.FindByPostAsync(message.Account, postId, cancellationToken) is { } answered
            ? Handles.Normalize(answered.Handle)
            : null;
    }
}
