using MarketingOps.Core.Plugins;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Posts;

/// <summary>What the CLI, the HTTP API, scripts and workflows do with posts: schedule, list, show, cancel, retry, resolve.</summary>
internal sealed class PostService
{
    // "Now" typed by a person reaches us a few seconds later; don't refuse that as "in the past".
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    private readonly IPostStore _store;
    private readonly IPlatformRegistry _registry;
    private readonly IPublishScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly ILogger<PostService> _logger;

    public PostService(IPostStore store, IPlatformRegistry registry, IPublishScheduler scheduler, TimeProvider time, ILogger<PostService> logger)
    {
        _store = store;
        _registry = registry;
        _scheduler = scheduler;
        _time = time;
        _logger = logger;
    }

    /// <summary>Validates and stores a post, then schedules it (or sends it to the approval inbox when the account requires approval).</summary>
    public async Task<ScheduledPost> ScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken)
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
        ParsedTime? at = null;
        try
        {
            at = ScheduleTimeParser.Parse(request.At, zone);
        }
        catch (PostRequestException ex)
        {
            problems.AddRange(ex.Problems.Select(p => "--at: " + p));
        }

        var now = _time.GetUtcNow();
        if (at is not null && at.Utc < now - PastTolerance)
        {
            problems.Add($"--at: {at.Utc:O} is in the past (now is {now:O}).");
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            problems.Add("--text: the post has no text.");
        }

        var platform = _registry.FindPlatform(account.Platform);
        if (platform is null)
        {
            problems.Add($"--account: platform '{account.Platform}' of account '{account.Name}' is not active (its plugin is missing, disabled or failed to load), so the text cannot be checked.");
        }
        else if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var validation = platform.Validate(new PostDraft(request.Text) { Media = request.Media });
            problems.AddRange(validation.Problems.Select(p => $"text ({platform.Descriptor.DisplayName}, {validation.Length}/{validation.MaxLength}): {p}"));
        }

        if (problems.Count > 0)
        {
            throw new PostRequestException(problems);
        }

        var id = Guid.CreateVersion7(now).ToString("N");
        var state = account.ApprovalRequired ? PostState.PendingApproval : PostState.Scheduled;
        var due = at!.Utc;
        var post = new Post(id, account.Name, request.Text, due, state, $"mops-{id}")
        {
            Media = request.Media,
            DueAt = due,
            ExperimentId = request.ExperimentId,
            Variant = request.Variant,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var reason = state == PostState.PendingApproval
            ? $"created by {request.Source} for {due:O}; account '{account.Name}' requires approval"
            : $"scheduled by {request.Source} for {due:O}";
        post = await _store.InsertAsync(post, reason, cancellationToken);
        if (state == PostState.Scheduled)
        {
            // A crash between these two lines leaves a Scheduled post without a trigger; the start-up sweep adds it.
            await _scheduler.ScheduleAsync(post.Id, post.DueAt, cancellationToken);
        }

        _logger.LogInformation("Post {PostId} of {Account} {State} for {DueAt:O}", post.Id, post.Account, post.State, post.DueAt);
        return new ScheduledPost(post, at.Note);
    }

    /// <summary>Moves a post out of the approval inbox into the schedule (the inbox calls this).</summary>
    public async Task<Post> ApproveAsync(string id, string approvedBy, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        RequireState(post, "approve", PostState.PendingApproval);
        var now = _time.GetUtcNow();
        var due = post.DueAt < now ? now : post.DueAt;
        var stored = await TransitionAsync(post, post with { State = PostState.Scheduled, DueAt = due, UpdatedAt = now }, $"approved by {approvedBy}", cancellationToken);
        await _scheduler.ScheduleAsync(stored.Id, stored.DueAt, cancellationToken);
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
        return stored;
    }

    /// <summary>Schedules a failed post again, now, with the same idempotency key.</summary>
    public async Task<Post> RetryAsync(string id, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        RequireState(post, "retry", PostState.Failed);
        var now = _time.GetUtcNow();
        var stored = await TransitionAsync(post, post with { State = PostState.Scheduled, DueAt = now, TransientFailures = 0, UpdatedAt = now }, "retry requested by a user", cancellationToken);
        await _scheduler.ScheduleAsync(stored.Id, stored.DueAt, cancellationToken);
        return stored;
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
        return await TransitionAsync(post, post with { State = PostState.Failed, LastError = reason, UpdatedAt = now }, reason, cancellationToken);
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
