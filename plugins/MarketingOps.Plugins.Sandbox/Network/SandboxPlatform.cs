using System.Globalization;
using MarketingOps.Plugins.Sandbox.Audience;
using MarketingOps.Plugins.Sandbox.Engagement;
using MarketingOps.Plugins.Sandbox.Journal;
using MarketingOps.Plugins.Sandbox.Settings;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Sandbox.Network;

/// <summary>
/// The simulated network. All state sits behind one lock: calls are short and in memory (plus one small
/// journal append), and the host may call different accounts at the same time.
/// </summary>
internal sealed class SandboxPlatform : IPlatform, IAudienceSource
{
    public const string PublishOperation = "publish";
    public const string ReplyOperation = "reply";
    public const string DirectMessageOperation = "dm";
    public const string MetricsOperation = "metrics";
    public const string DeleteOperation = "delete";

    // Replies are seen by a fraction of the followers; a direct message by its one recipient and no counters.
    private const double ReplyAudienceShare = 0.1;
    private static readonly TimeSpan AudienceHorizon = TimeSpan.FromDays(30);

    private readonly Lock _lock = new();
    private readonly SandboxSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SandboxAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly PostStore _store = new();
    private readonly SandboxJournal? _journal;
    private readonly RateBudgetTracker _budgets;
    private readonly FaultInjector _faults;
    private readonly PeoplePool _people;
    private readonly AudienceSimulator _audience;
    private readonly string _idSalt;

    public SandboxPlatform(
        string id,
        string displayName,
        SandboxSettings settings,
        IEnumerable<SandboxAccount> accounts,
        TimeProvider clock,
        ILogger logger)
    {
        _settings = settings;
        _clock = clock;
        _logger = logger;

        // Ids depend on when this instance started, so a network started afresh after a restart never hands out
        // an id the host already holds for a post of the previous run; the same seed and start give the same ids.
        _idSalt = clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        foreach (var account in accounts)
        {
            _accounts[account.Name] = account;
        }

        Descriptor = new PlatformDescriptor(
            id,
            displayName,
            PlatformCapabilities.Idempotency | PlatformCapabilities.Media | PlatformCapabilities.Delete | PlatformCapabilities.Metrics
                | PlatformCapabilities.Replies | PlatformCapabilities.DirectMessages | PlatformCapabilities.AudienceEvents,
            new PlatformLimits
            {
                MaxTextLength = settings.MaxLength,
                LengthRule = TextLengthRule.Graphemes,
                MaxMedia = 4,
                MetricsBatchSize = 100,
                RateBudgets =
                [
                    new RateBudget(PublishOperation, 300, TimeSpan.FromHours(3)),
                    new RateBudget(ReplyOperation, 300, TimeSpan.FromHours(3)),
                    new RateBudget(DirectMessageOperation, 500, TimeSpan.FromDays(1)),
                    new RateBudget(MetricsOperation, 900, TimeSpan.FromMinutes(15)),
                    new RateBudget(DeleteOperation, 50, TimeSpan.FromMinutes(15)),
                ],
            })
        {
            Automation = new AutomationRules { AllowsVariantPosts = true },
            // The simulated network remembers every key it created a post for (in its journal, across restarts).
            RepeatProtection = RepeatProtection.RecordKey,
        };
        _budgets = new RateBudgetTracker(settings.EnforceRateBudgets ? Descriptor.Limits.RateBudgets : []);
        _faults = new FaultInjector(settings.Seed, settings.Faults);
        _people = new PeoplePool(settings.Seed);
        _audience = new AudienceSimulator(settings.Seed, settings.Audience, _people);
        if (settings.Journal is not null)
        {
            _journal = new SandboxJournal(settings.Journal, logger);
            Replay(_journal.ReadAll());
        }
    }

    public PlatformDescriptor Descriptor { get; }

    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var length = draft.Text is null ? 0 : Graphemes.Count(draft.Text);
        var problems = new List<string>();
        // Like the networks it simulates, the sandbox takes a post of media alone.
        if (string.IsNullOrWhiteSpace(draft.Text) && draft.Media.Count == 0)
        {
            problems.Add("The post has no text and no media.");
        }

        if (length > _settings.MaxLength)
        {
            problems.Add($"The text is {length} characters long; the sandbox allows at most {_settings.MaxLength}.");
        }

        if (draft.Media.Count > Descriptor.Limits.MaxMedia)
        {
            problems.Add($"The post has {draft.Media.Count} media attachments; the sandbox allows at most {Descriptor.Limits.MaxMedia}.");
        }

        if (draft.Kind == MessageKind.Reply && string.IsNullOrWhiteSpace(draft.InReplyTo))
        {
            problems.Add("A reply needs the id of the post it answers.");
        }

        if (draft.Kind == MessageKind.DirectMessage && string.IsNullOrWhiteSpace(draft.Recipient))
        {
            problems.Add("A direct message needs a recipient.");
        }

        return new DraftValidation(length, _settings.MaxLength, problems);
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        PublishResult result;
        using (_journal is null ? null : await _journal.LockAsync(cancellationToken))
        {
            lock (_lock)
            {
                CatchUp();
                result = Publish(request);
            }
        }

        if (_settings.Faults.AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(_settings.Faults.AnswerDelay, _clock, cancellationToken);
        }

        return result;
    }

    /// <summary>Takes in what other hosts sharing the journal (a cluster's nodes) did, so all of them see one network.</summary>
    private void CatchUp()
    {
        if (_journal?.ReadNew() is { Count: > 0 } entries)
        {
            Replay(entries);
        }
    }

    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        using var shared = _journal is null ? null : await _journal.LockAsync(cancellationToken);
        lock (_lock)
        {
            CatchUp();
            var account = ResolveAccount(request.Account);
            return _store.FindByKey(account.Name, request.IdempotencyKey) is { } post
                ? LookupResult.Found(post.ToPublished())
                : LookupResult.NotFound;
        }
    }

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(postIds);
        cancellationToken.ThrowIfCancellationRequested();
        if (postIds.Count > Descriptor.Limits.MetricsBatchSize)
        {
            throw new ArgumentException($"The sandbox returns metrics for at most {Descriptor.Limits.MetricsBatchSize} posts per call; got {postIds.Count}.", nameof(postIds));
        }

        lock (_lock)
        {
            var owner = ResolveAccount(account);
            var now = _clock.GetUtcNow();
            if (_budgets.TrySpend(owner.Name, MetricsOperation, now) is { } resetAt)
            {
                // The metrics contract has no error channel: a spent budget answers "not this time" for every post.
                _logger.LogWarning("Sandbox metrics budget of {Account} is spent until {ResetAt}", owner.Name, resetAt);
                return Task.FromResult<IReadOnlyList<PostMetrics>>([.. postIds.Select(Unavailable)]);
            }

            return Task.FromResult<IReadOnlyList<PostMetrics>>([.. postIds.Select(id => MetricsOf(owner.Name, id, now))]);
        }
    }

    public Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(url);
        lock (_lock)
        {
            return Task.FromResult(SandboxPostUrl.Match(ResolveAccount(account), url));
        }
    }

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(postId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var owner = ResolveAccount(account);
            var now = _clock.GetUtcNow();
            if (_store.Find(owner.Name, postId) is not { } post)
            {
                return Task.FromResult(new DeleteResult(new PlatformError(PlatformErrorKind.Rejected, $"No post {postId} of account {owner.Name}.") { Code = "not_found" }));
            }

            if (post.DeletedAt is not null)
            {
                return Task.FromResult(DeleteResult.Deleted);
            }

            if (_budgets.TrySpend(owner.Name, DeleteOperation, now) is { } resetAt)
            {
                return Task.FromResult(new DeleteResult(RateLimited(resetAt)));
            }

            _journal?.Append(new JournalEntry(JournalEntry.Delete, owner.Name, postId, now));
            _store.MarkDeleted(post, now);
            _logger.LogDebug("Sandbox deleted {PostId} of {Account}", postId, owner.Name);
            return Task.FromResult(DeleteResult.Deleted);
        }
    }

    public Task<IReadOnlyList<AudienceEvent>> GetEventsAsync(string account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var owner = ResolveAccount(account);
            var now = _clock.GetUtcNow();
            var after = since > now - AudienceHorizon ? since : now - AudienceHorizon;
            var replies = _store.Of(owner.Name)
                .Where(p => p.Kind == MessageKind.Post && p.DeletedAt is null && p.PublishedAt > now - AudienceHorizon)
                .SelectMany(p => _audience.RepliesTo(p, now))
                .Where(e => e.OccurredAt > after && e.OccurredAt <= now);
            IReadOnlyList<AudienceEvent> events =
            [
                .. _audience.Scheduled(owner.Name, owner.Handle, after, now)
                    .Concat(replies)
                    .OrderBy(e => e.OccurredAt)
                    .ThenBy(e => e.Id, StringComparer.Ordinal),
            ];
            return Task.FromResult(events);
        }
    }

    public Task<PublicProfile?> GetProfileAsync(string account, string handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_people.Find(handle)?.ToProfile());
    }

    private PublishResult Publish(PublishRequest request)
    {
        var account = ResolveAccount(request.Account);
        var draft = request.Draft;
        var now = _clock.GetUtcNow();
        var operation = draft.Kind switch
        {
            MessageKind.Reply => ReplyOperation,
            MessageKind.DirectMessage => DirectMessageOperation,
            _ => PublishOperation,
        };
        if (_budgets.TrySpend(account.Name, operation, now) is { } resetAt)
        {
            return PublishResult.Failed(RateLimited(resetAt));
        }

        var fault = _faults.ForPublish(account.Name, request.IdempotencyKey, request.Attempt);
        switch (fault)
        {
            case FaultDecision.RateLimited:
                _logger.LogInformation("Sandbox injected a rate limit for {Account}", account.Name);
                return PublishResult.Failed(RateLimited(now + _faults.RetryAfter) with { Code = "injected" });
            case FaultDecision.Transient:
                _logger.LogInformation("Sandbox injected a transient failure for {Account}", account.Name);
                return PublishResult.Failed(new PlatformError(PlatformErrorKind.Transient, "The sandbox is temporarily unavailable (injected fault); nothing was created.") { Code = "injected" });
            case FaultDecision.AmbiguousLost:
                _logger.LogInformation("Sandbox injected a timeout (request lost) for {Account}", account.Name);
                return PublishResult.Failed(Timeout());
        }

        if (_store.FindByKey(account.Name, request.IdempotencyKey) is { } existing)
        {
            return fault == FaultDecision.AmbiguousApplied ? PublishResult.Failed(Timeout()) : PublishResult.Published(existing.ToPublished());
        }

        var validation = Validate(draft);
        if (!validation.IsValid)
        {
            var code = validation.Length > validation.MaxLength ? "too_long" : "invalid";
            return PublishResult.Failed(new PlatformError(PlatformErrorKind.Rejected, string.Join(" ", validation.Problems)) { Code = code });
        }

        // A thread part answers the part before it, which must be on the network already: a part out of order is refused.
        if (draft.Thread is { } thread && (_store.Find(account.Name, thread.ParentId) is null || _store.Find(account.Name, thread.RootId) is null))
        {
            return PublishResult.Failed(new PlatformError(
                PlatformErrorKind.Rejected,
                $"Part {thread.Part} of a thread replies to {thread.ParentId} under {thread.RootId}, which the sandbox does not have for {account.Name}.") { Code = "no_parent" });
        }

        var content = SandboxPost.DuplicateKey(draft);
        if (_store.LatestWithContent(account.Name, content) is { } twin && twin.PublishedAt > now - _settings.DuplicateWindow)
        {
            return PublishResult.Failed(new PlatformError(
                PlatformErrorKind.Rejected,
                $"Duplicate of post {twin.Id} published at {twin.PublishedAt:O}.") { Code = "duplicate" });
        }

        var sequence = _store.NextSequence(account.Name);
        var entry = new JournalEntry(JournalEntry.Publish, account.Name, PostId(account.Name, sequence), now)
        {
            Sequence = sequence,
            IdempotencyKey = request.IdempotencyKey,
            Kind = draft.Kind,
            Text = draft.Text,
            InReplyTo = draft.Thread?.ParentId ?? draft.InReplyTo,
            Recipient = draft.Recipient,
            Audience = draft.Kind switch
            {
                MessageKind.Post => account.Followers,
                MessageKind.Reply => account.Followers * ReplyAudienceShare,
                _ => 0,
            },
            Options = draft.Options.Count == 0 ? null : draft.Options,
        };

        // Written (and flushed) before the network acknowledges anything: what is in the journal is what it received.
        _journal?.Append(entry);
        var post = Add(entry);
        _logger.LogDebug("Sandbox published {PostId} for {Account}", post.Id, account.Name);
        return fault == FaultDecision.AmbiguousApplied ? PublishResult.Failed(Timeout()) : PublishResult.Published(post.ToPublished());
    }

    private SandboxPost Add(JournalEntry entry)
    {
        var text = entry.Text ?? string.Empty;
        var options = entry.Options ?? new Dictionary<string, string>();
        var rates = _settings.RatesFor(text, options);
        var handle = _accounts.TryGetValue(entry.Account, out var account) ? account.Handle : entry.Account;
        var post = new SandboxPost
        {
            Id = entry.PostId,
            Account = entry.Account,
            Sequence = entry.Sequence ?? 0,
            IdempotencyKey = entry.IdempotencyKey ?? entry.PostId,
            Text = text,
            Kind = entry.Kind ?? MessageKind.Post,
            InReplyTo = entry.InReplyTo,
            Recipient = entry.Recipient,
            PublishedAt = entry.At,
            Url = new Uri($"https://sandbox.invalid/@{Uri.EscapeDataString(handle)}/{entry.PostId}"),
            Engagement = new PostEngagement(_settings.Seed, entry.PostId, entry.Audience ?? 0, rates, _settings),
        };
        _store.Add(post);
        return post;
    }

    private void Replay(IReadOnlyList<JournalEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Op == JournalEntry.Publish && !_store.Contains(entry.PostId))
            {
                Add(entry);
            }
            else if (entry.Op == JournalEntry.Delete && _store.Find(entry.Account, entry.PostId) is { DeletedAt: null } post)
            {
                _store.MarkDeleted(post, entry.At);
            }
        }

        _logger.LogDebug("Sandbox replayed {Count} journal entries from {Path}", entries.Count, _journal?.Path);
    }

    private PostMetrics MetricsOf(string account, string postId, DateTimeOffset now)
    {
        if (_store.Find(account, postId) is not { } post || _faults.DropsMetrics(postId, now))
        {
            return Unavailable(postId);
        }

        if (post.DeletedAt is not null)
        {
            return new PostMetrics(postId, MetricsStatus.Deleted, new Dictionary<string, long>());
        }

        // A direct message has no public counters: absent, not zero.
        IReadOnlyDictionary<string, long> counters = post.Kind == MessageKind.DirectMessage
            ? new Dictionary<string, long>()
            : post.Engagement.CountersAt(now - post.PublishedAt);
        return new PostMetrics(postId, MetricsStatus.Available, counters);
    }

    private static PostMetrics Unavailable(string postId) => new(postId, MetricsStatus.Unavailable, new Dictionary<string, long>());

    /// <summary>Accounts not configured in plugins.json still work, with the default follower count, so a sandbox never blocks a demo.</summary>
    private SandboxAccount ResolveAccount(string name)
    {
        if (!_accounts.TryGetValue(name, out var account))
        {
            account = new SandboxAccount(name, name, SandboxAccount.DefaultFollowers);
            _accounts[name] = account;
        }

        return account;
    }

    private string PostId(string account, long sequence) =>
        StableHash.Of(_settings.Seed, "post", account, sequence.ToString(CultureInfo.InvariantCulture), _idSalt).ToString("x16", CultureInfo.InvariantCulture);

    private static PlatformError RateLimited(DateTimeOffset resetAt) =>
        new(PlatformErrorKind.RateLimited, $"Rate limit reached; try again at {resetAt:O}.") { RetryAt = resetAt, Code = "rate_limited" };

    private static PlatformError Timeout() =>
        new(PlatformErrorKind.Ambiguous, "The sandbox did not answer in time (injected fault); the post may or may not exist.") { Code = "timeout" };
}
