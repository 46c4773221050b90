using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Links;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Publishing.Threads;
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
    private readonly ThreadSequence _threads;
    private readonly PostLinkRewriting? _links;

    // The inbox is lazy: it hands approved items back to this service. Without link rewriting, texts are published as written.
    public PostService(IPostStore store, IPlatformRegistry registry, IPublishScheduler scheduler, IGuardrails guardrails, Lazy<IInbox> inbox, TimeProvider time, PlatformCalls calls, ILogger<PostService> logger, PostLinkRewriting? links = null)
    {
        _links = links;
        _calls = calls;
        _store = store;
        _registry = registry;
        _scheduler = scheduler;
        _guardrails = guardrails;
        _inbox = inbox;
        _time = time;
        _logger = logger;
        _threads = new ThreadSequence(store, scheduler, time, logger);
    }

    /// <summary>
    /// Validates a post, reply or direct message and runs the guardrails on it. A rejection throws
    /// <see cref="PostRefusedException"/> and stores nothing; otherwise the post is stored and scheduled, or stored as
    /// <see cref="PostState.PendingApproval"/> and held in the inbox when its account or a rule asks for a person.
    /// </summary>
    public async Task<ScheduledPost> ScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ThreadTexts.Count > 0)
        {
            return (await ScheduleGroupAsync([request], cancellationToken)).Posts[0];
        }

        var now = _time.GetUtcNow();
        var links = RewriteLinks(request);
        request = request with { Text = links.Text };
        var (account, at, problems) = await ValidateAsync(request, now, forVerdict: false, links: null, cancellationToken);
        if (problems.Count > 0)
        {
            throw new PostRequestException([.. problems, .. LinkHint(links, problems)]);
        }

        var due = at!.Utc;
        var when = LocalTime.Format(due, account!.TimeZone);
        var post = NewPost(request, account, due, now);
        var message = post.ToMessage(due);
        var verdict = await _guardrails.CheckAsync(message, cancellationToken);
        var decision = ApprovalGate.Decide(account!, verdict, approved: request.ApprovedBy is not null);
        if (decision == PostGateDecision.Schedule && request.HoldReason is not null)
        {
            decision = PostGateDecision.HoldForApproval;
        }

        if (decision == PostGateDecision.Refuse)
        {
            _logger.LogInformation("A {Kind} of {Account} from {Source} was refused: {Verdict}", request.Kind, post.Account, request.Source, verdict.Summary);
            throw new PostRefusedException(verdict);
        }

        string reason;
        if (decision == PostGateDecision.HoldForApproval)
        {
            var why = verdict.Outcome == GuardrailOutcome.NeedsApproval ? verdict.Summary
                : request.HoldReason ?? ApprovalReason(post.Account, verdict);
            reason = $"created by {request.Source} for {when}{LinkNote(links)}; waits for approval: {why}";
            var item = await _inbox.Value.PrepareHoldAsync(message, why, cancellationToken);
            await SaveLinksAsync(post, links, cancellationToken);
            post = await _store.InsertAsync(post with { State = PostState.PendingApproval }, reason, cancellationToken, heldItem: item);
            await _guardrails.RecordAsync(message, cancellationToken);
        }
        else
        {
            reason = request.ApprovedBy is { } approvedBy ? $"scheduled by {request.Source} for {when}, approved by {approvedBy}" : $"scheduled by {request.Source} for {when}";
            reason += LinkNote(links);
            await SaveLinksAsync(post, links, cancellationToken);
            post = await _store.InsertAsync(post, reason, cancellationToken);

            // A crash between these two lines leaves a Scheduled post without a trigger; the start-up sweep adds it.
            await _scheduler.ScheduleAsync(post.Id, post.DueAt, cancellationToken);
            await _guardrails.RecordAsync(message, cancellationToken);
        }

        _logger.LogInformation("Post {PostId} of {Account} {State} for {DueAt:O}", post.Id, post.Account, post.State, post.DueAt);
        return new ScheduledPost(post, at.Note) { Verdict = verdict, Links = links.Changed ? links : null };
    }

    /// <summary>The request's text as it will be published, by the client's link settings.</summary>
    private LinkRewrite RewriteLinks(ScheduleRequest request) =>
        _links is null ? LinkRewrite.Unchanged(request.Text ?? string.Empty) : _links.Rewrite(request.Text, _registry.FindAccount(request.Account), request.Campaign, request.Variant);

    private static IEnumerable<PostProblem> LinkHint(LinkRewrite links, IReadOnlyList<PostProblem> problems) =>
        PostLinkRewriting.Explain(links, problems) is { } hint ? [hint] : [];

    private static string LinkNote(LinkRewrite links) => links.Changed ? "; " + links.Summary : string.Empty;

    // Before the post: a crash in between leaves link rows of no post, which nothing serves.
    private Task SaveLinksAsync(Post post, LinkRewrite links, CancellationToken cancellationToken) =>
        _links is null || !links.Changed ? Task.CompletedTask : _links.SaveAsync(post.Id, post.Account, links, cancellationToken);

    /// <summary>
    /// Schedules one post per request, each on its own account, as one group (and each request with
    /// <see cref="ScheduleRequest.ThreadTexts"/> as a thread of parts): every post and part is validated by its own
    /// platform and judged by the guardrails as if the ones before it had been scheduled, and all of them are stored in
    /// one transaction, or none with every problem listed (<see cref="PostRequestException"/>, each problem naming its
    /// account and part). Only the first part of each thread gets a trigger; a later part waits for the one before it.
    /// </summary>
    public Task<ScheduledGroup> ScheduleGroupAsync(IReadOnlyList<ScheduleRequest> requests, CancellationToken cancellationToken)
        => ScheduleManyAsync(requests, asGroup: true, cancellationToken);

    /// <summary>
    /// Schedules independent posts in one call (a bulk import): each validated by its platform and judged by the
    /// guardrails as if the ones before it had been scheduled, all stored in one transaction, or none with every problem
    /// listed (<see cref="PostRequestException"/>, each problem carrying its request's index). Posts of one account at
    /// several times are normal here; nothing links them as a group.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledPost>> ScheduleAllAsync(IReadOnlyList<ScheduleRequest> requests, CancellationToken cancellationToken)
        => (await ScheduleManyAsync(requests, asGroup: false, cancellationToken)).Posts;

    private async Task<ScheduledGroup> ScheduleManyAsync(IReadOnlyList<ScheduleRequest> requests, bool asGroup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            throw new PostRequestException([new PostProblem(PostField.Account, asGroup ? "name at least one account." : "there are no posts to schedule.")]);
        }

        var now = _time.GetUtcNow();
        var grouped = asGroup && requests.Count > 1;
        var problems = new List<PostProblem>();
        foreach (var twice in requests.GroupBy(r => r.Account, StringComparer.OrdinalIgnoreCase).Where(g => asGroup && g.Count() > 1))
        {
            problems.Add(new PostProblem(PostField.Account, $"'{twice.Key}' is named {twice.Count()} times; a group has one post per account (a thread's parts go in one post)."));
        }

        // Every part as a request of its own: the platform and the guardrails judge each, the later ones as if the earlier were scheduled.
        // Each part's links are rewritten once, here: the platform checks, and the store keeps, the text that will be published.
        var parts = new List<(int Request, int Part, int Parts, ScheduleRequest Asked, LinkRewrite Links)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var texts = (IReadOnlyList<string>)[request.Text, .. request.ThreadTexts];
            for (var j = 0; j < texts.Count; j++)
            {
                // The media go with the first part only: the parts after it are replies that say more, not the images again.
                var (asked, links) = RewriteForCheck(request with { Text = texts[j], ThreadTexts = [], Media = j == 0 ? request.Media : [] });
                parts.Add((i, j + 1, texts.Count, asked, links));
            }

            problems.AddRange(ThreadProblems(request, texts.Count).Select(p => p with { Subject = grouped ? request.Account : null, RequestIndex = i }));
        }

        var checks = await CheckRewrittenAsync([.. parts.Select(p => (p.Asked, p.Links))], cancellationToken);
        for (var k = 0; k < parts.Count; k++)
        {
            var (index, part, count, request, _) = parts[k];
            foreach (var problem in checks[k].Problems)
            {
                // The account, the time and the recipient are the same for every part: said once, for the first.
                var ofPart = problem.Field is PostField.Text or PostField.Platform or PostField.Guardrails;
                if (ofPart || part == 1)
                {
                    problems.Add(problem with
                    {
                        Subject = Subject(grouped ? request.Account : null, ofPart ? part : 1, ofPart ? count : 1),
                        RequestIndex = index,
                        Part = ofPart && count > 1 ? part : null,
                    });
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new PostRequestException(problems);
        }

        var groupId = grouped ? Guid.CreateVersion7(now).ToString("N") : null;
        var accounts = requests.Select(r => r.Account).ToList();
        var rows = new List<(NewPost Row, OutgoingMessage Message, GuardrailVerdict Verdict, int Request)>();
        var built = new List<(Post Post, OutgoingMessage Message, string When, string What, string? Hold)>();
        string? threadId = null;
        for (var k = 0; k < parts.Count; k++)
        {
            var (_, part, count, request, links) = parts[k];
            var account = _registry.FindAccount(request.Account)!;
            var at = ScheduleTimeParser.Parse(request.At, request.TimeZone is { Length: > 0 } tz ? ScheduleTimeParser.FindZone(tz) : account.TimeZone);
            var post = NewPost(request, account, at.Utc, now);
            threadId = count == 1 ? null : part == 1 ? post.Id : threadId;
            post = post with { GroupId = groupId, ThreadId = threadId, ThreadPart = count == 1 ? 0 : part, ThreadParts = count == 1 ? 0 : count };
            var what = Describe(post, groupId is null ? [] : accounts.Where(a => a != request.Account).ToList()) + LinkNote(links);
            built.Add((post, post.ToMessage(post.DueAt), LocalTime.Format(post.DueAt, account.TimeZone), what, checks[k].ApprovalReason ?? request.HoldReason));
        }

        for (var k = 0; k < parts.Count; k++)
        {
            var (index, part, count, request, _) = parts[k];
            var (post, message, when, what, hold) = built[k];
            var check = checks[k];

            // A thread is read, approved and rejected as a whole: when one part asks for a person, every part waits
            // in one inbox item, stored with part 1.
            var thread = Enumerable.Range(k - part + 1, count).ToList();
            var threadHeld = count > 1 && thread.Any(t => built[t].Hold is not null);
            if (hold is not null || threadHeld)
            {
                var item = threadHeld
                    ? part == 1 ? await _inbox.Value.PrepareThreadHoldAsync([.. thread.Select(t => built[t].Message)], [.. thread.Select(t => built[t].Hold)], cancellationToken) : null
                    : await _inbox.Value.PrepareHoldAsync(message, hold!, cancellationToken);
                var why = hold ?? $"part {thread.First(t => built[t].Hold is not null) - (k - part)} of its thread does: {thread.Select(t => built[t].Hold).OfType<string>().First()}";
                var waits = threadHeld ? $"waits for approval with its thread{(item is null ? string.Empty : $" (inbox item {item.Id})")}: {why}" : $"waits for approval: {why}";
                rows.Add((new NewPost(post with { State = PostState.PendingApproval }, $"created by {request.Source} for {when}{what}; {waits}", item), message, check.Verdict!, index));
            }
            else
            {
                var reason = request.ApprovedBy is { } approvedBy ? $"scheduled by {request.Source} for {when}{what}, approved by {approvedBy}" : $"scheduled by {request.Source} for {when}{what}";
                rows.Add((new NewPost(post, reason), message, check.Verdict!, index));
            }
        }

        for (var k = 0; k < rows.Count; k++)
        {
            await SaveLinksAsync(rows[k].Row.Post, parts[k].Links, cancellationToken);
        }

        var stored = await _store.InsertAllAsync([.. rows.Select(r => r.Row)], cancellationToken);
        for (var k = 0; k < stored.Count; k++)
        {
            // A crash before a trigger is written leaves a Scheduled post without one; the sweep adds it. Later parts
            // get theirs when the part before them is out.
            if (stored[k].State == PostState.Scheduled && !stored[k].ContinuesThread)
            {
                await _scheduler.ScheduleAsync(stored[k].Id, stored[k].DueAt, cancellationToken);
            }

            await _guardrails.RecordAsync(rows[k].Message, cancellationToken);
        }

        var heads = new List<ScheduledPost>();
        for (var i = 0; i < requests.Count; i++)
        {
            var mine = Enumerable.Range(0, stored.Count).Where(k => rows[k].Request == i).ToList();
            var head = stored[mine[0]];
            // Only the time's note is wanted here: the text was judged above.
            var note = (await ValidateAsync(requests[i], now, forVerdict: true, links: null, cancellationToken)).At?.Note;
            heads.Add(new ScheduledPost(head, note)
            {
                Verdict = rows[mine[0]].Verdict,
                Parts = head.ThreadPart == 0 ? [] : [.. mine.Select(k => stored[k])],
                Links = parts[mine[0]].Links.Changed ? parts[mine[0]].Links : null,
                PartLinks = head.ThreadPart == 0 ? [] : [.. mine.Select(k => parts[k].Links.Changed ? parts[k].Links : null)],
            });
            _logger.LogInformation("Post {PostId} of {Account} {State} for {DueAt:O} ({Parts} parts, group {GroupId})", head.Id, head.Account, head.State, head.DueAt, Math.Max(mine.Count, 1), groupId ?? "none");
        }

        return new ScheduledGroup(groupId, heads);
    }

    private List<PostProblem> ThreadProblems(ScheduleRequest request, int parts)
    {
        var problems = new List<PostProblem>();
        if (parts == 1)
        {
            return problems;
        }

        if (request.Kind != MessageKind.Post)
        {
            problems.Add(new PostProblem(PostField.Text, $"only a post can be a thread; a {request.Kind} is one message."));
        }

        if (_registry.FindAccount(request.Account) is { } account && _registry.FindPlatform(account.Platform) is { } platform
            && !platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Replies))
        {
            problems.Add(new PostProblem(PostField.Account, $"{platform.Descriptor.DisplayName} (account '{account.Name}') cannot publish replies, so it cannot publish a thread."));
        }

        return problems;
    }

    private static string? Subject(string? account, int part, int parts) => (account, parts) switch
    {
        (null, 1) => null,
        (null, _) => $"part {part} of {parts}",
        (_, 1) => account,
        _ => $"{account}, part {part} of {parts}",
    };

    private static string Describe(Post post, List<string> others)
    {
        var text = post.ThreadParts == 0 ? "" : post.ThreadPart == 1 ? $", first of a thread of {post.ThreadParts}" : $", part {post.ThreadPart} of {post.ThreadParts} of thread {post.ThreadId} (published after part {post.ThreadPart - 1})";
        return others.Count == 0 ? text : $"{text}, in group {post.GroupId} with {string.Join(", ", others)}";
    }

    /// <summary>
    /// What every guardrail says about one request, prepared as <see cref="ScheduleAsync"/> prepares it (account, time,
    /// kind, recipient, reply target, media), without storing or recording anything. An empty
    /// <see cref="ScheduleRequest.At"/> means now; the platform's text rules are judged as one of the guardrails, so
    /// every text gets a verdict. Problems outside the guardrails (no such account, a time in the past, a reply without
    /// its target) throw <see cref="PostRequestException"/>.
    /// </summary>
    public async Task<GuardrailVerdict> ExplainAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        request = request with { Text = RewriteLinks(request).Text };
        var (account, at, problems) = await ValidateAsync(request, now, forVerdict: true, links: null, cancellationToken);
        if (problems.Count > 0)
        {
            throw new PostRequestException(problems);
        }

        var post = NewPost(request, account!, at!.Utc, now);
        return await _guardrails.ExplainAsync(post.ToMessage(post.DueAt), cancellationToken);
    }

    /// <summary>
    /// Checks requests as <see cref="ScheduleAsync"/> would, each as if the earlier ones had been scheduled (caps,
    /// duplicates among them), and stores nothing: a plan of many posts is taken whole or refused with every problem.
    /// </summary>
    public Task<IReadOnlyList<PostCheck>> CheckAsync(IReadOnlyList<ScheduleRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return CheckRewrittenAsync([.. requests.Select(RewriteForCheck)], cancellationToken);
    }

    /// <summary><see cref="CheckAsync"/> of requests whose links are already rewritten (each request's text is the rewritten one).</summary>
    private async Task<IReadOnlyList<PostCheck>> CheckRewrittenAsync(IReadOnlyList<(ScheduleRequest Request, LinkRewrite Links)> rewritten, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var validated = new List<(ScheduleRequest Request, (ClientAccount? Account, ParsedTime? At, List<PostProblem> Problems) Result)>(rewritten.Count);
        foreach (var (request, links) in rewritten)
        {
            validated.Add((request, await ValidateAsync(request, now, forVerdict: false, links, cancellationToken)));
        }

        // The guardrails judge every request they can (a time in the past or a platform's refusal aside), so one check finds every problem.
        var candidates = validated
            .Select((v, i) => (Index: i, v.Request, v.Result))
            .Where(v => v.Result.Account is not null && v.Result.At is not null && HasContent(v.Request))
            .Select(v => (v.Index, v.Request, Account: v.Result.Account!, Post: NewPost(v.Request, v.Result.Account!, v.Result.At!.Utc, now)))
            .ToList();
        var verdicts = await _guardrails.ExplainAllAsync([.. candidates.Select(c => c.Post.ToMessage(c.Post.DueAt))], cancellationToken);
        var checks = validated.Select(v => new PostCheck(v.Result.Problems, null, null)).ToArray();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (index, request, account, post) = candidates[i];
            var verdict = verdicts[i];
            var problems = checks[index].Problems;
            checks[index] = ApprovalGate.Decide(account, verdict, approved: request.ApprovedBy is not null) switch
            {
                PostGateDecision.Refuse => new PostCheck([.. problems, .. GuardrailProblem(verdict, problems)], verdict, null) { Post = post },
                PostGateDecision.HoldForApproval => new PostCheck(problems, verdict, ApprovalReason(post.Account, verdict)) { Post = post with { State = PostState.PendingApproval } },
                _ => new PostCheck(problems, verdict, null) { Post = post },
            };
        }

        return checks;
    }

    /// <summary>The guardrails' rejection, less the platform's own text rule when the platform's refusal (of the text or an option) is already listed.</summary>
    private static IEnumerable<PostProblem> GuardrailProblem(GuardrailVerdict verdict, IReadOnlyList<PostProblem> problems)
    {
        var platformSaid = problems.Any(p => p.Field == PostField.Platform || p is { Field: PostField.Options, Option: not null });
        var rejections = verdict.Results
            .Where(r => r.Outcome == GuardrailOutcome.Reject && !(platformSaid && r.Rule == GuardrailRuleNames.PlatformText))
            .Select(r => $"[{r.Rule}] {r.Reason}")
            .ToList();
        if (rejections.Count > 0)
        {
            yield return new PostProblem(PostField.Guardrails, $"refused by the guardrails: {GuardrailVerdict.OutcomeName(GuardrailOutcome.Reject)}: {string.Join("; ", rejections)}");
        }
    }

    private (ScheduleRequest Request, LinkRewrite Links) RewriteForCheck(ScheduleRequest request)
    {
        var links = RewriteLinks(request);
        return (request with { Text = links.Text }, links);
    }

    /// <summary>
    /// Every problem of a request that needs no guardrail: account, time, text, the platform's rules, recipients.
    /// <paramref name="forVerdict"/>: for <see cref="ExplainAsync"/>, where no time means now and the text is left to the guardrails.
    /// </summary>
    private async Task<(ClientAccount? Account, ParsedTime? At, List<PostProblem> Problems)> ValidateAsync(ScheduleRequest request, DateTimeOffset now, bool forVerdict, LinkRewrite? links, CancellationToken cancellationToken)
    {
        var problems = new List<PostProblem>();
        var account = _registry.FindAccount(request.Account);
        if (account is null)
        {
            var known = _registry.Accounts.Select(a => a.Name).ToList();
            problems.Add(new PostProblem(PostField.Account, $"no account named '{request.Account}'. Configured accounts: {(known.Count == 0 ? "none" : string.Join(", ", known))}."));
            return (null, null, problems);
        }

        ParsedTime? at = null;
        try
        {
            var zone = request.TimeZone is { Length: > 0 } tz ? ScheduleTimeParser.FindZone(tz) : account.TimeZone;
            try
            {
                at = forVerdict && string.IsNullOrWhiteSpace(request.At) ? new ParsedTime(now, null) : ScheduleTimeParser.Parse(request.At, zone);
            }
            catch (PostRequestException ex)
            {
                problems.AddRange(ex.Problems.Select(p => new PostProblem(PostField.At, p)));
            }
        }
        catch (PostRequestException ex)
        {
            problems.AddRange(ex.Problems.Select(p => new PostProblem(PostField.TimeZone, p)));
        }

        if (at is not null && at.Utc < now - PastTolerance)
        {
            problems.Add(new PostProblem(PostField.At, $"{LocalTime.Format(at.Utc, account.TimeZone)} is in the past (now is {LocalTime.Format(now, account.TimeZone)})."));
        }

        if (!forVerdict)
        {
            await TextProblemsAsync(request, account, problems, cancellationToken);
            if (links is not null)
            {
                problems.AddRange(LinkHint(links, problems));
            }
        }

        if (account is not null && _registry.FindPlatform(account.Platform) is { } withOptions)
        {
            problems.AddRange(PlatformOptions.Problems(request.Options, withOptions.Descriptor).Select(p => new PostProblem(PostField.Options, p)));
        }

        if (request.Kind == MessageKind.DirectMessage && string.IsNullOrWhiteSpace(request.Recipient))
        {
            problems.Add(new PostProblem(PostField.Recipient, "a direct message needs a recipient."));
        }

        if (request.Kind == MessageKind.Reply && string.IsNullOrWhiteSpace(request.InReplyTo))
        {
            problems.Add(new PostProblem(PostField.InReplyTo, "a reply needs the platform id of the post it answers."));
        }

        return (account, at, problems);
    }

    // The text as the platform reads it; a check leaves it to the guardrails' platform rule, so every text gets a verdict.
    private async Task TextProblemsAsync(ScheduleRequest request, ClientAccount account, List<PostProblem> problems, CancellationToken cancellationToken)
    {
        if (!HasContent(request))
        {
            problems.Add(new PostProblem(PostField.Text, "the post has no text and no media."));
        }

        var platform = _registry.FindPlatform(account.Platform);
        if (platform is null)
        {
            problems.Add(new PostProblem(PostField.Account, $"platform '{account.Platform}' of account '{account.Name}' is not active (its plugin is missing, disabled or failed to load), so the text cannot be checked."));
        }
        else if (HasContent(request))
        {
            var validation = await platform.ValidateAsync(account.Name, request.ToDraft(), cancellationToken);
            var options = await OptionsAtFaultAsync(platform, account.Name, request, validation, cancellationToken);
            problems.AddRange(validation.Problems.Select(p => options.TryGetValue(p, out var option)
                ? new PostProblem(PostField.Options, p) { Option = option }
                : new PostProblem(PostField.Platform, $"text ({platform.Descriptor.DisplayName}, {validation.Length}/{validation.MaxLength}): {p}")));
        }
    }

    /// <summary>
    /// Which of the platform's problems an option causes (a visibility it does not know): the problems that go away
    /// when the draft is checked without that option. A plugin says what is wrong, not which field; this names the field
    /// for every plugin, so a bad option is reported under the option rather than the text.
    /// </summary>
    private static async Task<Dictionary<string, string>> OptionsAtFaultAsync(IPlatform platform, string account, ScheduleRequest request, DraftValidation validation, CancellationToken cancellationToken)
    {
        var atFault = new Dictionary<string, string>(StringComparer.Ordinal);
        if (validation.IsValid)
        {
            return atFault;
        }

        foreach (var name in request.Options.Keys.Order(StringComparer.Ordinal))
        {
            var without = request with { Options = request.Options.Where(o => o.Key != name).ToDictionary(StringComparer.Ordinal) };
            var remaining = (await platform.ValidateAsync(account, without.ToDraft(), cancellationToken)).Problems;
            foreach (var problem in validation.Problems.Where(p => !remaining.Contains(p, StringComparer.Ordinal)))
            {
                atFault.TryAdd(problem, name);
            }
        }

        return atFault;
    }

    /// <summary>Whether there is something to publish: text, or media alone (which the platform then judges).</summary>
    private static bool HasContent(ScheduleRequest request) => !string.IsNullOrWhiteSpace(request.Text) || request.Media.Count > 0;

    private static Post NewPost(ScheduleRequest request, ClientAccount account, DateTimeOffset due, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now).ToString("N");
        return new Post(id, account.Name, request.Text, due, PostState.Scheduled, $"mops-{id}")
        {
            Media = request.Media,
            Options = request.Options,
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
    }

    private static string ApprovalReason(string account, GuardrailVerdict verdict) =>
        verdict.Outcome == GuardrailOutcome.NeedsApproval ? verdict.Summary : $"account '{account}' requires approval";

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
        LinkRewrite? links = null;
        if (editedText is not null && !string.Equals(editedText, post.Text, StringComparison.Ordinal))
        {
            links = _links?.Rewrite(editedText, _registry.FindAccount(post.Account), campaign: null, post.Variant);
            next = next with { Text = links?.Text ?? editedText };
            reason += " with edited text" + (links is null ? string.Empty : LinkNote(links));
            if (_registry.FindAccount(post.Account) is { } account && _registry.FindPlatform(account.Platform) is { } platform)
            {
                var validation = await platform.ValidateAsync(account.Name, next.ToDraft(), cancellationToken);
                if (!validation.IsValid)
                {
                    throw new PostRequestException(validation.Problems.Select(p => $"edited text ({platform.Descriptor.DisplayName}, {validation.Length}/{validation.MaxLength}): {p}").ToList());
                }
            }
        }

        if (links is not null)
        {
            await SaveLinksAsync(post, links, cancellationToken);
        }

        var stored = await TransitionAsync(post, next, reason, cancellationToken);
        await _scheduler.ScheduleAsync(stored.Id, stored.DueAt, cancellationToken);
        await _guardrails.RecordAsync(stored.ToMessage(stored.DueAt), cancellationToken);
        return stored;
    }

    /// <summary>The post with <paramref name="id"/>, or null.</summary>
    public Task<Post?> FindAsync(string id, CancellationToken cancellationToken) => _store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Post>> ListAsync(PostQuery query, CancellationToken cancellationToken) => _store.ListAsync(query, cancellationToken);

    /// <summary>Per window between consecutive bounds, the matching posts counted by state and the first few of them (see <see cref="IPostStore.SummarizeDueAsync"/>).</summary>
    public Task<IReadOnlyList<DueWindow>> SummarizeDueAsync(IReadOnlyList<DateTimeOffset> bounds, PostQuery filter, int firstPerWindow, CancellationToken cancellationToken) =>
        _store.SummarizeDueAsync(bounds, filter, firstPerWindow, cancellationToken);

    public async Task<PostDetails> ShowAsync(string id, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        var thread = post.ThreadId is { } threadId ? await ThreadOfAsync(threadId, cancellationToken) : [];
        var group = post.GroupId is { } groupId
            ? [.. (await _store.ListAsync(new PostQuery(Limit: 10_000) { GroupId = groupId }, cancellationToken)).Where(p => p.ThreadPart <= 1).OrderBy(p => p.Account, StringComparer.Ordinal)]
            : (IReadOnlyList<Post>)[];
        return new PostDetails(post, await _store.GetHistoryAsync(post.Id, cancellationToken))
        {
            Group = group,
            Thread = thread,
            Links = _links is null ? null : await _links.GetAsync(post.Id, cancellationToken),
        };
    }

    /// <summary>Withdraws a post that has not been published.</summary>
    public Task<Post> CancelAsync(string id, CancellationToken cancellationToken) => CancelAsync(id, new PostActor(), cancellationToken);

    /// <summary>Withdraws a post that has not been published, recording who asked.</summary>
    public Task<Post> CancelAsync(string id, PostActor change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return CancelAsync(id, change, $"cancelled by {change.By}", cancellationToken);
    }

    /// <summary>Withdraws a post that has not been published; <paramref name="reason"/> goes into its history.</summary>
    public Task<Post> CancelAsync(string id, string reason, CancellationToken cancellationToken) => CancelAsync(id, new PostActor(), reason, cancellationToken);

    private async Task<Post> CancelAsync(string id, PostActor change, string reason, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, change, cancellationToken);
        RequireState(post, "cancel", PostState.Draft, PostState.PendingApproval, PostState.Scheduled, PostState.Failed);
        var stored = await TransitionAsync(post, post with { State = PostState.Cancelled, UpdatedAt = _time.GetUtcNow() }, reason, cancellationToken);
        await _scheduler.UnscheduleAsync(stored.Id, cancellationToken);
        await _guardrails.ForgetAsync(stored.Id, cancellationToken);
        if (stored.ThreadId is { } threadId && stored.ThreadPart < stored.ThreadParts)
        {
            // The parts after it would reply to nothing: they stop with it. A crash midway is finished by the engine,
            // which cancels a part whose earlier part is cancelled.
            foreach (var later in (await ThreadOfAsync(threadId, cancellationToken)).Where(p => p.ThreadPart > stored.ThreadPart && p.State is PostState.Scheduled or PostState.PendingApproval or PostState.Failed or PostState.Draft))
            {
                if (await _store.TryTransitionAsync(later, later with { State = PostState.Cancelled, UpdatedAt = _time.GetUtcNow() }, $"{reason}, with part {stored.ThreadPart} of its thread", cancellationToken) is { } cancelled)
                {
                    await _scheduler.UnscheduleAsync(cancelled.Id, cancellationToken);
                    await _guardrails.ForgetAsync(cancelled.Id, cancellationToken);
                }
            }
        }

        return stored;
    }

    /// <summary>
    /// Schedules a failed post again, now, with the same idempotency key, if the guardrails still let it go. When an
    /// earlier attempt may have reached the platform, it is looked up first: found → Published; the lookup cannot tell →
    /// Unconfirmed for a human to resolve; not there → scheduled again.
    /// </summary>
    public Task<Post> RetryAsync(string id, CancellationToken cancellationToken) => RetryAsync(id, new PostActor(), cancellationToken);

    /// <summary>Schedules a failed post again (see the overload without an actor), recording who asked.</summary>
    public async Task<Post> RetryAsync(string id, PostActor change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var post = await GetRequiredAsync(id, change, cancellationToken);
        RequireState(post, "retry", PostState.Failed);
        var now = _time.GetUtcNow();
        var account = _registry.FindAccount(post.Account)
            ?? throw new PostRequestException($"Cannot retry post {post.Id}: account '{post.Account}' is not configured any more (see plugins.json).");
        var platform = _registry.FindPlatform(account.Platform)
            ?? throw new PostRequestException($"Cannot retry post {post.Id}: platform '{account.Platform}' is not active (`mops plugins list` says why); fix it, then retry.");
        if (post.MayBeOnPlatform && await LookBeforeRetryAsync(post, platform, change, cancellationToken) is { } settled)
        {
            return settled;
        }

        var verdict = await _guardrails.CheckAsync(post.ToMessage(now), cancellationToken);
        if (verdict.Outcome == GuardrailOutcome.Reject)
        {
            throw new PostRefusedException(verdict);
        }

        var next = post with { State = PostState.Scheduled, DueAt = now, TransientFailures = 0, MayBeOnPlatform = false, UpdatedAt = now };
        var reason = post.MayBeOnPlatform ? $"retry requested by {change.By}; the platform shows no earlier attempt" : $"retry requested by {change.By}";
        var stored = await TransitionAsync(post, next, reason, cancellationToken);
        await _scheduler.ScheduleAsync(stored.Id, stored.DueAt, cancellationToken);
        await _guardrails.RecordAsync(stored.ToMessage(stored.DueAt), cancellationToken);
        return stored;
    }

    /// <summary>Settles a retry whose earlier attempt may be on the platform; null when the platform shows none.</summary>
    private async Task<Post?> LookBeforeRetryAsync(Post post, IPlatform platform, PostActor change, CancellationToken cancellationToken)
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
                    $"retry requested by {change.By}: an earlier attempt is on the platform as {found.Id}; nothing is sent again",
                    cancellationToken);
                await _guardrails.RecordAsync(published.ToMessage(now), cancellationToken);
                await _threads.ContinueAfterAsync(published, cancellationToken);
                return published;

            case LookupStatus.NotFound:
                return null;

            default:
                var why = $"retry requested by {change.By}, but an earlier attempt may be on the platform and the lookup could not tell ({lookup.Detail ?? "no detail"}). " +
                    $"Check the account, then run `mops post resolve {post.Id} --published URL` or `--not-published`";
                return await TransitionAsync(post, post with { State = PostState.Unconfirmed, LastError = why, UpdatedAt = now }, why, cancellationToken);
        }
    }

    /// <summary>Records what a human found for an unconfirmed post: published at <paramref name="publishedUrl"/>, or not published.</summary>
    public Task<Post> ResolveAsync(string id, Uri? publishedUrl, CancellationToken cancellationToken) => ResolveAsync(id, publishedUrl, new PostActor(), cancellationToken);

    /// <summary>Records what a human found for an unconfirmed post, and who found it.</summary>
    public async Task<Post> ResolveAsync(string id, Uri? publishedUrl, PostActor change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var post = await GetRequiredAsync(id, change, cancellationToken);
        RequireState(post, "resolve", PostState.Unconfirmed);
        var now = _time.GetUtcNow();
        if (publishedUrl is not null)
        {
            if (!publishedUrl.IsAbsoluteUri || (publishedUrl.Scheme != Uri.UriSchemeHttps && publishedUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw new PostRequestException($"--published: '{publishedUrl}' is not an http(s) URL of the post.");
            }

            var platformId = await PlatformIdOfAsync(post, publishedUrl, cancellationToken);
            var found = platformId is null ? "(the plugin cannot read post ids from addresses, so none is recorded)" : $"as {platformId}";
            var resolved = await TransitionAsync(
                post,
                post with { State = PostState.Published, PlatformUrl = publishedUrl, PlatformPostId = platformId ?? post.PlatformPostId, LastError = null, MayBeOnPlatform = false, UpdatedAt = now },
                $"resolved by {change.By}: published at {publishedUrl} {found}",
                cancellationToken);
            await _threads.ContinueAfterAsync(resolved, cancellationToken);
            return resolved;
        }

        var reason = $"resolved by {change.By}: not published; `mops post retry` publishes it again";
        // A person looked: no earlier attempt is out there, so a retry may send it again.
        var failed = await TransitionAsync(post, post with { State = PostState.Failed, LastError = reason, MayBeOnPlatform = false, UpdatedAt = now }, reason, cancellationToken);
        await _guardrails.ForgetAsync(failed.Id, cancellationToken);
        return failed;
    }

    /// <summary>The platform id the plugin reads from the address; refused when it is another platform's, account's or post's.</summary>
    private async Task<string?> PlatformIdOfAsync(Post post, Uri publishedUrl, CancellationToken cancellationToken)
    {
        var account = _registry.FindAccount(post.Account)
            ?? throw new PostRequestException($"Cannot resolve post {post.Id}: account '{post.Account}' is not configured any more (see plugins.json).");
        var platform = _registry.FindPlatform(account.Platform)
            ?? throw new PostRequestException($"Cannot resolve post {post.Id}: platform '{account.Platform}' is not active (`mops plugins list` says why), so the address cannot be read; fix it, then resolve.");
        var match = await _calls.MatchPostUrlAsync(platform, account.Name, publishedUrl, cancellationToken);
        if (!match.Supported)
        {
            return null;
        }

        if (match.Id is not { } id)
        {
            throw new PostRequestException($"--published: '{publishedUrl}' is not a post of {platform.Descriptor.DisplayName} account '{account.Name}': {match.Problem}");
        }

        var holders = await _store.ListAsync(new PostQuery(Account: post.Account, Limit: 2) { PlatformPostId = id }, cancellationToken);
        return holders.FirstOrDefault(p => p.Id != post.Id) is { } other
            ? throw new PostRequestException($"--published: '{publishedUrl}' is post {id} on {platform.Descriptor.DisplayName}, which is already recorded as post {other.Id}; look for this post's own address.")
            : id;
    }

    private Task<IReadOnlyList<Post>> ThreadOfAsync(string threadId, CancellationToken cancellationToken) => _threads.PartsAsync(threadId, cancellationToken);

    private async Task<Post> GetRequiredAsync(string id, PostActor change, CancellationToken cancellationToken)
    {
        var post = await GetRequiredAsync(id, cancellationToken);
        return change.IfVersion is { } expected && expected != post.Version ? throw new PostVersionMismatchException(post) : post;
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
