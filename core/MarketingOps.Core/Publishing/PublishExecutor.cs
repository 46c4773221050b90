using System.Collections.Concurrent;
using System.Globalization;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing.Holds;
using MarketingOps.Core.Publishing.Retries;
using MarketingOps.Core.Publishing.Threads;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Publishing;

/// <summary>
/// Step 5 of a post's flow: commit <see cref="PostState.Publishing"/>, call the plugin, record the outcome.
/// Every branch ends in a stored state. An attempt whose outcome is uncertain (a timeout, a 5xx after sending, a crash)
/// is looked up first and repeated only while the platform's declared protection covers a repeat (<see cref="RepeatPolicy"/>);
/// otherwise it waits for a human as Unconfirmed. The guardrails judge the post once more right before it is sent:
/// what they reject fails, what needs a person goes back to the inbox.
/// </summary>
internal sealed class PublishExecutor
{
    public const string PublishOperation = "publish";

    // A trigger may fire a moment early (clock skew between nodes); earlier than this and it is a stale trigger.
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ErrorRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IPostStore _store;
    private readonly IPlatformRegistry _registry;
    private readonly IPublishScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<PublishingOptions> _options;
    private readonly AccountGate _gate;
    private readonly RetryBackoff _backoff;
    private readonly HostInstance _instance;
    private readonly IGuardrails _guardrails;
    private readonly IInbox _inbox;
    private readonly PlatformCalls _calls;
    private readonly AccountHolds _holds;
    private readonly ThreadSequence _threads;
    private readonly ILogger<PublishExecutor> _logger;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public PublishExecutor(
        IPostStore store,
        IPlatformRegistry registry,
        IPublishScheduler scheduler,
        TimeProvider time,
        IOptionsMonitor<PublishingOptions> options,
        AccountGate gate,
        RetryBackoff backoff,
        HostInstance instance,
        IGuardrails guardrails,
        IInbox inbox,
        PlatformCalls calls,
        AccountHolds holds,
        ILogger<PublishExecutor> logger)
    {
        _holds = holds;
        _threads = new ThreadSequence(store, scheduler, time, logger);
        _calls = calls;
        _guardrails = guardrails;
        _inbox = inbox;
        _store = store;
        _registry = registry;
        _scheduler = scheduler;
        _time = time;
        _options = options;
        _gate = gate;
        _backoff = backoff;
        _instance = instance;
        _logger = logger;
    }

    /// <summary>Runs when the post's trigger fires. <paramref name="recovering"/>: Quartz replays a firing a dead node left.</summary>
    public async Task<Post?> ExecuteAsync(string postId, bool recovering, CancellationToken cancellationToken)
    {
        var post = await _store.GetAsync(postId, cancellationToken);
        if (post is null)
        {
            _logger.LogWarning("Publish job fired for post {PostId}, which does not exist; nothing to do", postId);
            return null;
        }

        if (post.State == PostState.Publishing)
        {
            return await RecoverPublishingAsync(post, recovering, cancellationToken);
        }

        if (post.State != PostState.Scheduled)
        {
            _logger.LogDebug("Post {PostId} is {State}; the firing has nothing to do", post.Id, post.State);
            return post;
        }

        if (post.ContinuesThread && !post.IsLinked)
        {
            // A later part of a thread: it replies to the part before it, so it goes only once that one is out.
            if (await _threads.LinkAsync(post, cancellationToken) is not { } link)
            {
                return post;
            }

            var linked = await MoveAsync(post, link.Next, link.Reason, cancellationToken);
            if (linked is null || linked.State != PostState.Scheduled)
            {
                return linked;
            }

            post = linked;
        }

        var options = _options.CurrentValue;
        var now = _time.GetUtcNow();
        if (post.DueAt - now > EarlyTolerance)
        {
            // A trigger left from before a reschedule: put the right one back instead of publishing early.
            await _scheduler.ScheduleAsync(post.Id, post.DueAt, cancellationToken);
            return post;
        }

        var lateness = now - post.DueAt;
        if (lateness > options.MisfireGracePeriod)
        {
            var reason = $"not published: due at {post.DueAt:O} and {Describe(lateness)} late, beyond the grace period of {Describe(options.MisfireGracePeriod)} (the host was down or overloaded)";
            return await MoveAsync(post, post with { State = PostState.Missed, LastError = reason }, reason, cancellationToken);
        }

        var account = _registry.FindAccount(post.Account);
        if (account is null)
        {
            return await FailAsync(post, $"account '{post.Account}' is not configured any more", cancellationToken);
        }

        var platform = _registry.FindPlatform(account.Platform);
        if (platform is null)
        {
            return await FailAsync(post, $"platform '{account.Platform}' is not active (its plugin is missing, disabled or failed to load); fix it, then run `mops post retry {post.Id}`", cancellationToken);
        }

        var validation = await platform.ValidateAsync(account.Name, post.ToDraft(), cancellationToken);
        if (!validation.IsValid)
        {
            return await FailAsync(post, "the platform refuses the text: " + string.Join("; ", validation.Problems), cancellationToken);
        }

        if (_holds.Active(account.Name, now) is { } hold)
        {
            // The platform refused this account's credentials a moment ago: wait with the others, do not ask again.
            return await RescheduleAsync(post, post with { DueAt = hold.NextCheck, LastError = hold.Reason }, hold.Reason, cancellationToken);
        }

        using (await _gate.EnterAsync(account.Name, cancellationToken))
        {
            // No re-read after the wait: if the post changed meanwhile (cancelled, claimed elsewhere), the claim's
            // version check loses and nothing is published.
            now = _time.GetUtcNow();
            var message = post.ToMessage(now);
            var verdict = await _guardrails.CheckAsync(message, cancellationToken);
            switch (ApprovalGate.Decide(account, verdict, approved: post.ApprovedBy is not null))
            {
                case PostGateDecision.Refuse:
                    return await FailAsync(post, $"refused by the guardrails right before sending: {verdict.Summary}", cancellationToken);

                case PostGateDecision.HoldForApproval:
                    var why = verdict.Outcome == GuardrailOutcome.NeedsApproval ? verdict.Summary : $"account '{account.Name}' requires approval";
                    // The state and its inbox item are written together: a crash cannot leave one without the other.
                    var item = await _inbox.PrepareHoldAsync(message with { At = post.DueAt }, why, cancellationToken);
                    return await MoveAsync(post, post with { State = PostState.PendingApproval, LastError = null }, $"held for approval right before sending: {why}", cancellationToken, item);
            }

            // In flight before the claim commits, so the sweep never takes our own fresh claim for an orphan.
            using var inFlight = MarkInFlight(post.Id);
            var claim = await _store.TryClaimAsync(post, now, _instance.Id, BudgetsFor(account, platform), cancellationToken);
            switch (claim.Outcome)
            {
                case ClaimOutcome.Claimed:
                    return await PublishClaimedAsync(claim.Post!, platform, cancellationToken);

                case ClaimOutcome.AccountBusy:
                    _logger.LogDebug("Account {Account} is publishing post {Other}; post {PostId} waits", post.Account, claim.BusyWith, post.Id);
                    await _scheduler.ScheduleAsync(post.Id, now + options.AccountBusyDelay, cancellationToken);
                    return post;

                case ClaimOutcome.BudgetSpent:
                    var at = claim.RetryAt!.Value;
                    var budget = claim.Budget!;
                    var why = $"account budget spent ({budget.Limit.ToString(CultureInfo.InvariantCulture)} publishes per {Describe(budget.Window)}); rescheduled to {at:O}";
                    return await RescheduleAsync(post, post with { DueAt = at, LastError = why }, why, cancellationToken);

                default:
                    return await _store.GetAsync(postId, cancellationToken);
            }
        }
    }

    /// <summary>Settles a post an interrupted attempt left in <see cref="PostState.Publishing"/>: look it up, never publish blind.</summary>
    public async Task<Post?> ReconcileInterruptedAsync(Post post, string why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var account = _registry.FindAccount(post.Account);
        var platform = account is null ? null : _registry.FindPlatform(account.Platform);
        if (account is null || platform is null)
        {
            var reason = $"{why}; it cannot be looked up because {(account is null ? $"account '{post.Account}' is not configured" : $"platform '{account.Platform}' is not active")}: check the account and resolve it";
            return await MoveAsync(post, post with { State = PostState.Unconfirmed, LastError = reason }, reason, cancellationToken);
        }

        using (await _gate.EnterAsync(account.Name, cancellationToken))
        {
            // Only the claim the caller saw: a newer one (taken after someone settled this) belongs to its own holder.
            var current = await _store.GetAsync(post.Id, cancellationToken);
            if (current?.State != PostState.Publishing || current.Version != post.Version)
            {
                return current;
            }

            using (MarkInFlight(current.Id))
            {
                return await SettleUncertainAsync(current, platform, RequestFor(current), why, UncertainCause.Interrupted, cancellationToken);
            }
        }
    }

    /// <summary>After an unexpected error, makes sure the post is looked at again soon rather than left waiting for a restart.</summary>
    public async Task RetryLaterAfterErrorAsync(string postId, CancellationToken cancellationToken)
    {
        try
        {
            await _scheduler.ScheduleAsync(postId, _time.GetUtcNow() + ErrorRetryDelay, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not reschedule post {PostId} after an error; the next start will pick it up", postId);
        }
    }

    /// <summary>The account's publish budgets: its own when configured, otherwise the platform's declared ones.</summary>
    public IReadOnlyList<RateBudget> BudgetsFor(ClientAccount account, IPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(platform);
        if (_options.CurrentValue.AccountBudgets.TryGetValue(account.Name, out var own) && own.Count > 0)
        {
            return own.Select(b => new RateBudget(PublishOperation, b.Limit, b.Window)).ToList();
        }

        return platform.Descriptor.Limits.RateBudgets
            .Where(b => string.Equals(b.Operation, PublishOperation, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private async Task<Post?> RecoverPublishingAsync(Post post, bool recovering, CancellationToken cancellationToken)
    {
        if (IsInFlight(post.Id))
        {
            return post;
        }

        var now = _time.GetUtcNow();
        var mine = post.ClaimedBy == _instance.Id;
        var stale = post.ClaimedAt is not { } claimedAt || now - claimedAt > _options.CurrentValue.StaleClaimAfter;
        if (!mine && !recovering && !stale)
        {
            _logger.LogInformation("Post {PostId} is being published by {Instance}; leaving it to that host", post.Id, post.ClaimedBy);
            return post;
        }

        return await ReconcileInterruptedAsync(post, $"attempt {post.Attempts.ToString(CultureInfo.InvariantCulture)} by {post.ClaimedBy} was interrupted before its outcome was recorded", cancellationToken);
    }

    private async Task<Post?> PublishClaimedAsync(Post post, IPlatform platform, CancellationToken cancellationToken)
    {
        var request = RequestFor(post);
        var protection = RepeatPolicy.ProtectionOf(platform.Descriptor);
        if (post.MayBeOnPlatform && !RepeatPolicy.KeyStillHonoured(protection, post, _time.GetUtcNow(), _options.CurrentValue.KeyExpiryMargin))
        {
            // An earlier attempt may be out there and nothing stops a second copy any more: look, never repeat.
            return await SettleUncertainAsync(post, platform, request, "an earlier attempt may have reached the platform", UncertainCause.EarlierAttempt, cancellationToken);
        }

        var result = await _calls.PublishAsync(platform, request, cancellationToken);
        return await ApplyAsync(post, platform, request, result, cancellationToken);
    }

    private async Task<Post?> ApplyAsync(Post post, IPlatform platform, PublishRequest request, PublishResult result, CancellationToken cancellationToken)
    {
        if (result.Post is { } published)
        {
            if (_holds.Release(post.Account))
            {
                _logger.LogInformation("Account {Account} publishes again; its waiting posts follow at their next check", post.Account);
            }

            return await CompleteAsync(post, published, $"published as {published.Id}", cancellationToken);
        }

        var error = result.Error ?? new PlatformError(PlatformErrorKind.Ambiguous, "the plugin returned neither a post nor an error");
        var message = error.Code is null ? error.Message : $"{error.Message} ({error.Code})";
        switch (error.Kind)
        {
            case PlatformErrorKind.Rejected:
                return await FailAsync(post, $"rejected by the platform: {message}", cancellationToken);

            case PlatformErrorKind.Unauthorized:
                return await WaitForCredentialsAsync(post, message, cancellationToken);

            case PlatformErrorKind.RateLimited:
                var now = _time.GetUtcNow();
                var at = error.RetryAt is { } retryAt && retryAt > now ? retryAt : now + _options.CurrentValue.RateLimitFallbackDelay;
                var why = $"rate limited by the platform until {at:O}: {message}";
                return await RescheduleAsync(post, post with { State = PostState.Scheduled, DueAt = at, LastError = why }, why, cancellationToken);

            case PlatformErrorKind.Transient:
                // The plugin vouches that this request created nothing; an earlier uncertain attempt stays on record.
                return await RetryOrFailAsync(post, $"transient failure: {message}", spendsRetry: true, cancellationToken);

            default:
                return await SettleUncertainAsync(post, platform, request, $"ambiguous outcome: {message}", UncertainCause.PlatformAnswer, cancellationToken);
        }
    }

    /// <summary>
    /// The one place an uncertain attempt is settled: look the post up; if it is not there (or the lookup cannot
    /// tell), repeat it only while the platform's key still protects a repeat, else leave it to a human as Unconfirmed.
    /// </summary>
    private async Task<Post?> SettleUncertainAsync(Post post, IPlatform platform, PublishRequest request, string why, UncertainCause cause, CancellationToken cancellationToken)
    {
        var lookup = await _calls.LookupAsync(platform, request, cancellationToken);
        if (lookup is { Status: LookupStatus.Found, Post: { } found })
        {
            return await CompleteAsync(post, found, $"{why}; reconciled: found on the platform as {found.Id}", cancellationToken);
        }

        var seen = lookup.Status == LookupStatus.NotFound
            ? "the platform shows no such post"
            : $"the lookup could not tell ({lookup.Detail ?? "no detail"})";
        var protection = RepeatPolicy.ProtectionOf(platform.Descriptor);
        var uncertain = post with { MayBeOnPlatform = true };
        if (cause != UncertainCause.EarlierAttempt && RepeatPolicy.KeyStillHonoured(protection, uncertain, _time.GetUtcNow(), _options.CurrentValue.KeyExpiryMargin))
        {
            // A crash is not the platform's answer: it does not spend the post's retries.
            return await RetryOrFailAsync(uncertain, $"{why}; {seen}, and a repeat is safe because {RepeatPolicy.Describe(protection, uncertain)}", spendsRetry: cause == UncertainCause.PlatformAnswer, cancellationToken);
        }

        return await UnconfirmedAsync(
            uncertain,
            $"{why}; {seen}, and a repeat could post it twice ({RepeatPolicy.Describe(protection, uncertain)}). Check the account, then run `mops post resolve {post.Id} --published URL` or `--not-published`",
            cancellationToken);
    }

    /// <summary>The platform refused the account's credentials: the post waits in Scheduled (said once in the log, not failed per post) until the next check.</summary>
    private async Task<Post?> WaitForCredentialsAsync(Post post, string message, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var next = now + _options.CurrentValue.CredentialsRecheckInterval;
        var reason = $"waiting for account '{post.Account}' to be connected again: the platform refused its credentials ({message}). Run `mops accounts connect {post.Account}`; the host tries again at {next:O}";
        if (_holds.Hold(post.Account, reason, now, next))
        {
            _logger.LogWarning("Account {Account} needs to be connected again with `mops accounts connect`: the platform refused its credentials ({Reason}); its posts wait in Scheduled", post.Account, message);
        }

        return await RescheduleAsync(post, post with { State = PostState.Scheduled, DueAt = next, LastError = reason }, reason, cancellationToken);
    }

    private async Task<Post?> RetryOrFailAsync(Post post, string why, bool spendsRetry, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var failures = spendsRetry ? post.TransientFailures + 1 : post.TransientFailures;
        if (failures >= options.MaxTransientFailures && post.MayBeOnPlatform)
        {
            // Out of retries, but an earlier attempt may be out there: "Failed" would claim it is not. A person looks.
            return await UnconfirmedAsync(
                post with { TransientFailures = failures },
                $"gave up after {failures.ToString(CultureInfo.InvariantCulture)} failures, and an earlier attempt may be on the platform; the last: {why}. Check the account, then run `mops post resolve {post.Id} --published URL` or `--not-published`",
                cancellationToken);
        }

        if (failures >= options.MaxTransientFailures)
        {
            var reason = $"gave up after {failures.ToString(CultureInfo.InvariantCulture)} transient failures; the last: {why}";
            return await MoveAsync(post, post with { State = PostState.Failed, TransientFailures = failures, LastError = reason }, reason, cancellationToken);
        }

        var at = _time.GetUtcNow() + _backoff.DelayFor(Math.Max(failures, 1), options.RetryBaseDelay, options.RetryMaxDelay);
        var retry = spendsRetry
            ? $"{why}; retry {failures.ToString(CultureInfo.InvariantCulture)} of {(options.MaxTransientFailures - 1).ToString(CultureInfo.InvariantCulture)} at {at:O}"
            : $"{why}; tried again at {at:O} (an interrupted attempt does not count as a failure)";
        return await RescheduleAsync(post, post with { State = PostState.Scheduled, DueAt = at, TransientFailures = failures, LastError = why }, retry, cancellationToken);
    }

    private async Task<Post?> RescheduleAsync(Post post, Post next, string reason, CancellationToken cancellationToken)
    {
        var moved = await MoveAsync(post, next, reason, cancellationToken);
        if (moved?.State == PostState.Scheduled && moved.DueAt == next.DueAt)
        {
            // If this fails the post is Scheduled without a trigger: the running sweep gives it one.
            await _scheduler.ScheduleAsync(post.Id, next.DueAt, cancellationToken);
        }

        return moved;
    }

    private async Task<Post?> CompleteAsync(Post post, PublishedPost published, string reason, CancellationToken cancellationToken)
    {
        // A success is only as good as its id: metrics, deletes and replies all go by it.
        if (await UnusableIdAsync(post, published, cancellationToken) is { } why)
        {
            return await UnconfirmedAsync(post, $"the platform answered without a usable id: {why}; look on the platform, then `mops post resolve {post.Id} --published URL` or `--not-published`", cancellationToken);
        }

        return await MoveAsync(post, post with { State = PostState.Published, PlatformPostId = published.Id, PlatformUrl = published.Url, LastError = null }, reason, cancellationToken);
    }

    private async Task<string?> UnusableIdAsync(Post post, PublishedPost published, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(published.Id))
        {
            return "the id is empty";
        }

        var holders = await _store.ListAsync(new PostQuery(Account: post.Account, Limit: 2) { PlatformPostId = published.Id }, cancellationToken);
        return holders.FirstOrDefault(p => p.Id != post.Id) is { } other
            ? $"'{published.Id}' is already the id of post {other.Id}"
            : null;
    }

    private Task<Post?> FailAsync(Post post, string reason, CancellationToken cancellationToken) =>
        MoveAsync(post, post with { State = PostState.Failed, LastError = reason }, reason, cancellationToken);

    private Task<Post?> UnconfirmedAsync(Post post, string reason, CancellationToken cancellationToken) =>
        MoveAsync(post, post with { State = PostState.Unconfirmed, LastError = reason }, reason, cancellationToken);

    private async Task<Post?> MoveAsync(Post current, Post next, string reason, CancellationToken cancellationToken, InboxItem? heldItem = null)
    {
        // The outcome is recorded even when the host is stopping: losing it would leave the post Publishing.
        var stored = await _store.TryTransitionAsync(current, next with { UpdatedAt = _time.GetUtcNow() }, reason, CancellationToken.None, heldItem);
        if (stored is null)
        {
            _logger.LogWarning("Post {PostId} changed while it was being handled; its new state wins over {State}", current.Id, next.State);
            return await _store.GetAsync(current.Id, cancellationToken);
        }

        // The guardrails compare later messages with what went out or will, never with what did not.
        if (stored.State is PostState.Failed or PostState.Missed or PostState.Cancelled)
        {
            await _guardrails.ForgetAsync(stored.Id, CancellationToken.None);
        }
        else if (stored.State == PostState.Published)
        {
            await _guardrails.RecordAsync(stored.ToMessage(stored.UpdatedAt), CancellationToken.None);
        }

        if (stored.State is PostState.Published or PostState.Missed or PostState.Cancelled)
        {
            // The next part of a thread goes now, or ends with this one.
            await _threads.ContinueAfterAsync(stored, CancellationToken.None);
        }

        var level = stored.State is PostState.Failed or PostState.Unconfirmed or PostState.Missed ? LogLevel.Warning : LogLevel.Information;
        _logger.Log(level, "Post {PostId} of {Account}: {From} -> {To}: {Reason}", stored.Id, stored.Account, current.State, stored.State, reason);
        return stored;
    }

    /// <summary>True while this process is publishing or settling <paramref name="postId"/>: its claim is alive.</summary>
    public bool IsInFlight(string postId) => _inFlight.ContainsKey(postId);

    private InFlightMark MarkInFlight(string postId)
    {
        _inFlight[postId] = 0;
        return new InFlightMark(_inFlight, postId);
    }

    private static PublishRequest RequestFor(Post post) =>
        new(post.Account, post.ToDraft(), post.IdempotencyKey, Math.Max(post.Attempts, 1), post.FirstAttemptAt ?? post.DueAt);

    internal static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} d",
        { TotalHours: >= 1 } => $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
        { TotalMinutes: >= 1 } => $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min",
        _ => $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
    };
}
