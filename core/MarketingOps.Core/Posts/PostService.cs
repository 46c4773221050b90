using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Posts;

/// <summary>
/// What the CLI, the HTTP API, scripts and workflows do with posts, replies and direct messages: schedule, list, show,
/// cancel, retry, resolve. Every message passes the guardrails before it is stored; what needs a person waits in the inbox.
/// </summary>
internal sealed class PostService
{
    // "Now" typed by a person reaches us a few seconds later; don't refuse that as "in the past".
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    private readonly IPostStore _store;
    private readonly IPlatformRegistry _registry;
    private readonly IPublishScheduler _scheduler;
    private readonly IGuardrails _guardrails;
    private readonly Lazy<IInbox> _inbox;
    private readonly TimeProvider _time;
    private readonly PlatformCalls _calls;
    private readonly ILogger<PostService> _logger;

    // The inbox is lazy: it hands approved items back to this service.
    public PostService(IPostStore store, IPlatformRegistry registry, IPublishScheduler scheduler, IGuardrails guardrails, Lazy<IInbox> inbox, TimeProvider time, PlatformCalls calls, ILogger<PostService> logger)
    {
        _calls = calls;
        _store = store;
        _registry = registry;
        _scheduler = scheduler;
        _guardrails = guardrails;
        _inbox = inbox;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Validates a post, reply or direct message and runs the guardrails on it. A rejection throws
    /// <see cref="PostRefusedException"/> and stores nothing; otherwise the post is stored and scheduled, or stored as
    /// <see cref="PostState.PendingApproval"/> and held in the inbox when its account or a rule asks for a person.
    /// </summary>
    public async Task<ScheduledPost> ScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        var (account, post, at) = Prepare(request, scheduling: true);
        var due = post.DueAt;
        var when = LocalTime.Format(due, account.TimeZone);
        var message = post.ToMessage(due);
        var verdict = await _guardrails.CheckAsync(message, cancellationToken);
        var decision = ApprovalGate.Decide(account, verdict, approved: request.ApprovedBy is not null);
        if (decision == PostGateDecision.Refuse)
        {
            _logger.LogInformation("A {Kind} of {Account} from {Source} was refused: {Verdict}", request.Kind, account.Name, request.Source, verdict.Summary);
            throw new PostRefusedException(verdict);
        }

        string reason;
        if (decision == PostGateDecision.HoldForApproval)
        {
            var why = verdict.Outcome == GuardrailOutcome.NeedsApproval ? verdict.Summary : $"account '{account.Name}' requires approval";
            reason = $"created by {request.Source} for {when}; waits for approval: {why}";
            var item = await _inbox.Value.PrepareHoldAsync(message, why, cancellationToken);
            post = await _store.InsertAsync(post with { State = PostState.PendingApproval }, reason, cancellationToken, heldItem: item);
            await _guardrails.RecordAsync(message, cancellationToken);
        }
        else
        {
            reason = request.ApprovedBy is { } approvedBy ? $"scheduled by {request.Source} for {when}, approved by {approvedBy}" : $"scheduled by {request.Source} for {when}";
            post = await _store.InsertAsync(post, reason, cancellationToken);

            // A crash between these two lines leaves a Scheduled post without a trigger; the start-up sweep adds it.
            await _scheduler.ScheduleAsync(post.Id, post.DueAt, cancellationToken);
            await _guardrails.RecordAsync(message, cancellationToken);
        }

        _logger.LogInformation("Post {PostId} of {Account} {State} for {DueAt:O}", post.Id, post.Account, post.State, post.DueAt);
        return new ScheduledPost(post, at.Note) { Verdict = verdict };
    }

    /// <summary>
    /// What every guardrail says about a request, checked as <see cref="ScheduleAsync"/> checks it (account, time,
    /// recipient, reply target), without storing or recording anything. The platform's text rules are part of the verdict.
    /// An empty <see cref="ScheduleRequest.At"/> means now.
    /// </summary>
    public async Task<GuardrailVerdict> ExplainAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        var (_, post, _) = Prepare(request, scheduling: false);
        return await _guardrails.ExplainAsync(post.ToMessage(post.DueAt), cancellationToken);
    }

    // Everything ScheduleAsync refuses before the guardrails run, with every problem listed (a PostRequestException).
    // For a check (scheduling false) an empty time means now, and the text is left to the guardrails' platform rule.
    private (ClientAccount Account, Post Post, ParsedTime At) Prepare(ScheduleRequest request, bool scheduling)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var account = _registry.FindAccount(request.Account);
        if (account is null)
        {
            var known = _registry.Accounts.Select(a => a.Name).ToList();
            throw new PostRequestException($"--account: no account named '{request.Account}'. Configured accounts: {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
        }

        var zone = request.TimeZone is { Length: > 0 } tz ? ScheduleTimeParser.FindZone(tz, "--tz") : account.TimeZone;
        var now = _time.GetUtcNow();
        ParsedTime? at = null;
        try
        {
            at = !scheduling && string.IsNullOrWhiteSpace(request.At) ? new ParsedTime(now, null) : ScheduleTimeParser.Parse(request.At, zone);
        }
        catch (PostRequestException ex)
        {
            problems.AddRange(ex.Problems.Select(p => "--at: " + p));
        }

        if (at is not null && at.Utc < now - PastTolerance)
        {
            problems.Add($"--at: {LocalTime.Format(at.Utc, zone)} is in the past (now is {LocalTime.Format(now, zone)}).");
        }

        if (scheduling && string.IsNullOrWhiteSpace(request.Text))
        {
            problems.Add("--text: the post has no text.");
        }

        var platform = _registry.FindPlatform(account.Platform);
        if (platform is null)
        {
            if (scheduling)
            {
                problems.Add($"--account: platform '{account.Platform}' of account '{account.Name}' is not active (its plugin is missing, disabled or failed to load), so the text cannot be checked.");
            }
        }
        else if (scheduling && !string.IsNullOrWhiteSpace(request.Text))
        {
            var validation = platform.Validate(request.ToDraft());
            problems.AddRange(validation.Problems.Select(p => $"text ({platform.Descriptor.DisplayName}, {validation.Length}/{validation.MaxLength}): {p}"));
        }

        if (request.Kind == MessageKind.DirectMessage && string.IsNullOrWhiteSpace(request.Recipient))
        {
            problems.Add("--to: a direct message needs a recipient.");
        }

        if (request.Kind == MessageKind.Reply && string.IsNullOrWhiteSpace(request.InReplyTo))
        {
            problems.Add("--in-reply-to: a reply needs the platform id of the post it answers.");
        }

        if (problems.Count > 0)
        {
            throw new PostRequestException(problems);
        }

        var id = Guid.CreateVersion7(now).ToString("N");
        var due = at!.Utc;
        var post = new Post(id, account.Name, request.Text, due, PostState.Scheduled, $"mops-{id}")
        {
            Media = request.Media,
            DueAt = due,
            ExperimentId = request.ExperimentId,
            Variant = request.Variant,
            Kind = request.Kind,
            Recipient = request.Recipient,
            InReplyTo = request.InReplyTo,
            Origin = request.Origin,
            TriggerEventId = request.TriggerEventId,
            Template = request.Template,
            ApprovedBy = request.ApprovedBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return (account, post, at);
    }

    /// <summary>
    /// Moves a post out of the approval inbox into the schedule (the inbox calls this, after its own guardrail check),
    /// with <paramref name="editedText"/> replacing the text when the approver changed it.
    /// </summary>
    public async Task<Post> ApproveAsync(string id, string approvedBy, string? editedText, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        RequireState(post, "approve", PostState.PendingApproval);
        var now = _time.GetUtcNow();
        var due = post.DueAt < now ? now : post.DueAt;
        var next = post with { State = PostState.Scheduled, DueAt = due, ApprovedBy = approvedBy, UpdatedAt = now };
        var reason = $"approved by {approvedBy}";
        if (editedText is not null && !string.Equals(editedText, post.Text, StringComparison.Ordinal))
        {
            next = next with { Text = editedText };
            reason += " with edited text";
            if (_registry.FindAccount(post.Account) is { } account && _registry.FindPlatform(account.Platform) is { } platform)
            {
                var validation = platform.Validate(next.ToDraft());
                if (!validation.IsValid)
                {
                    throw new PostRequestException(validation.Problems.Select(p => $"edited text ({platform.Descriptor.DisplayName}, {validation.Length}/{validation.MaxLength}): {p}").ToList());
                }
            }
        }

        var stored = await TransitionAsync(post, next, reason, cancellationToken);
        await _scheduler.ScheduleAsync(stored.Id, stored.DueAt, cancellationToken);
        await _guardrails.RecordAsync(stored.ToMessage(stored.DueAt), cancellationToken);
        return stored;
    }

    public Task<IReadOnlyList<Post>> ListAsync(PostQuery query, CancellationToken cancellationToken) => _store.ListAsync(query, cancellationToken);

    public async Task<PostDetails> ShowAsync(string id, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        return new PostDetails(post, await _store.GetHistoryAsync(post.Id, cancellationToken));
    }

    /// <summary>Withdraws a post that has not been published.</summary>
    public async Task<Post> CancelAsync(string id, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        RequireState(post, "cancel", PostState.Draft, PostState.PendingApproval, PostState.Scheduled, PostState.Failed);
        var stored = await TransitionAsync(post, post with { State = PostState.Cancelled, UpdatedAt = _time.GetUtcNow() }, "cancelled by a user", cancellationToken);
        await _scheduler.UnscheduleAsync(stored.Id, cancellationToken);
        await _guardrails.ForgetAsync(stored.Id, cancellationToken);
        return stored;
    }

    /// <summary>
    /// Schedules a failed post again, now, with the same idempotency key, if the guardrails still let it go. When an
    /// earlier attempt may have reached the platform, it is looked up first: found → Published; the lookup cannot tell →
    /// Unconfirmed for a human to resolve; not there → scheduled again.
    /// </summary>
    public async Task<Post> RetryAsync(string id, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        RequireState(post, "retry", PostState.Failed);
        var now = _time.GetUtcNow();
        var account = _registry.FindAccount(post.Account)
            ?? throw new PostRequestException($"Cannot retry post {post.Id}: account '{post.Account}' is not configured any more (see plugins.json).");
        var platform = _registry.FindPlatform(account.Platform)
            ?? throw new PostRequestException($"Cannot retry post {post.Id}: platform '{account.Platform}' is not active (`mops plugins list` says why); fix it, then retry.");
        if (post.MayBeOnPlatform && await LookBeforeRetryAsync(post, platform, cancellationToken) is { } settled)
        {
            return settled;
        }

        var verdict = await _guardrails.CheckAsync(post.ToMessage(now), cancellationToken);
        if (verdict.Outcome == GuardrailOutcome.Reject)
        {
            throw new PostRefusedException(verdict);
        }

        var next = post with { State = PostState.Scheduled, DueAt = now, TransientFailures = 0, MayBeOnPlatform = false, UpdatedAt = now };
        var reason = post.MayBeOnPlatform ? "retry requested by a user; the platform shows no earlier attempt" : "retry requested by a user";
        var stored = await TransitionAsync(post, next, reason, cancellationToken);
        await _scheduler.ScheduleAsync(stored.Id, stored.DueAt, cancellationToken);
        await _guardrails.RecordAsync(stored.ToMessage(stored.DueAt), cancellationToken);
        return stored;
    }

    /// <summary>Settles a retry whose earlier attempt may be on the platform; null when the platform shows none.</summary>
    private async Task<Post?> LookBeforeRetryAsync(Post post, IPlatform platform, CancellationToken cancellationToken)
    {
        var request = new PublishRequest(post.Account, post.ToDraft(), post.IdempotencyKey, Math.Max(post.Attempts, 1), post.FirstAttemptAt ?? post.DueAt);
        var lookup = await _calls.LookupAsync(platform, request, cancellationToken);
        var now = _time.GetUtcNow();
        switch (lookup.Status)
        {
            case LookupStatus.Found when lookup.Post is { } found:
                var published = await TransitionAsync(
                    post,
                    post with { State = PostState.Published, PlatformPostId = found.Id, PlatformUrl = found.Url, LastError = null, MayBeOnPlatform = false, UpdatedAt = now },
                    $"retry requested by a user: an earlier attempt is on the platform as {found.Id}; nothing is sent again",
                    cancellationToken);
                await _guardrails.RecordAsync(published.ToMessage(now), cancellationToken);
                return published;

            case LookupStatus.NotFound:
                return null;

            default:
                var why = $"retry requested by a user, but an earlier attempt may be on the platform and the lookup could not tell ({lookup.Detail ?? "no detail"}). " +
                    $"Check the account, then run `mops post resolve {post.Id} --published URL` or `--not-published`";
                return await TransitionAsync(post, post with { State = PostState.Unconfirmed, LastError = why, UpdatedAt = now }, why, cancellationToken);
        }
    }

    /// <summary>Records what a human found for an unconfirmed post: published at <paramref name="publishedUrl"/>, or not published.</summary>
    public async Task<Post> ResolveAsync(string id, Uri? publishedUrl, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        RequireState(post, "resolve", PostState.Unconfirmed);
        var now = _time.GetUtcNow();
        if (publishedUrl is not null)
        {
            if (!publishedUrl.IsAbsoluteUri || (publishedUrl.Scheme != Uri.UriSchemeHttps && publishedUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw new PostRequestException($"--published: '{publishedUrl}' is not an http(s) URL of the post.");
            }

            return await TransitionAsync(post, post with { State = PostState.Published, PlatformUrl = publishedUrl, LastError = null, UpdatedAt = now }, $"resolved by a user: published at {publishedUrl}", cancellationToken);
        }

        const string reason = "resolved by a user: not published; `mops post retry` publishes it again";
        // A person looked: no earlier attempt is out there, so a retry may send it again.
        var failed = await TransitionAsync(post, post with { State = PostState.Failed, LastError = reason, MayBeOnPlatform = false, UpdatedAt = now }, reason, cancellationToken);
        await _guardrails.ForgetAsync(failed.Id, cancellationToken);
        return failed;
    }

    private async Task<Post> GetRequiredAsync(string id, CancellationToken cancellationToken) =>
        await _store.GetAsync(id, cancellationToken) ?? throw new PostRequestException($"No post with id '{id}'. `mops post list` shows the ids.");

    private async Task<Post> TransitionAsync(Post current, Post next, string reason, CancellationToken cancellationToken) =>
        await _store.TryTransitionAsync(current, next, reason, cancellationToken)
        ?? throw new PostRequestException($"Post {current.Id} changed while this request ran (it was {current.State}); look at it again with `mops post show {current.Id}`.");

    private static void RequireState(Post post, string verb, params PostState[] allowed)
    {
        if (!allowed.Contains(post.State))
        {
            throw new PostRequestException($"Cannot {verb} post {post.Id}: it is {post.State}, and only a post that is {string.Join(" or ", allowed)} can be {verb switch { "retry" => "retried", "cancel" => "cancelled", _ => verb + "d" }}.");
        }
    }
}
