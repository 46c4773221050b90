using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MarketingOps.Core.Access;
using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>
/// Posts for the API and the dashboard: the same <see cref="PostService"/> the CLI uses, plus paging, ETags,
/// idempotency keys, and the caller recorded in every change.
/// </summary>
internal sealed class PostsApp(PostService posts, IdempotencyStore idempotency)
{
    public const int MaxTextLength = 10_000;
    public const int MaxThreadParts = 99;
    public const int MaxBatchPosts = 1_000;
    private const int MaxIdempotencyKeyLength = 200;

    public async Task<ScheduleOutcome> ScheduleAsync(Actor actor, ScheduleCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        Check(command);
        string? hash = null;
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c < 0x21 || c > 0x7e))
            {
                throw ApiProblemException.Invalid("Idempotency-Key", $"1 to {MaxIdempotencyKeyLength} visible ASCII characters, such as a UUID.");
            }

            hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command)));
            if (!await idempotency.TryClaimAsync(actor.Key, idempotencyKey, hash, cancellationToken))
            {
                return await ReplayAsync(actor, idempotencyKey, hash, cancellationToken);
            }
        }

        ScheduledPost result;
        ScheduledGroup? group = null;
        try
        {
            if (command.IsGroup)
            {
                group = await posts.ScheduleGroupAsync(command.ToRequests(actor.By), cancellationToken);
                result = group.Posts[0];
            }
            else
            {
                result = await posts.ScheduleAsync(command.ToRequest(actor.By), cancellationToken);
            }
        }
        catch (Exception ex)
        {
            if (idempotencyKey is not null)
            {
                // Nothing was made, so the key is free for the corrected request.
                await idempotency.ReleaseAsync(actor.Key, idempotencyKey, CancellationToken.None);
            }

            throw ex is PostRequestException request ? PostProblems.From(request) : ex is TimeZoneNotFoundException ? ApiProblemException.Invalid("$.timeZone", ex.Message) : ex;
        }

        if (idempotencyKey is not null)
        {
            await idempotency.CompleteAsync(actor.Key, idempotencyKey, result.Post.Id, CancellationToken.None);
        }

        return new ScheduleOutcome(PostView.From(result.Post), Replayed: false, result.TimeNote, result.Verdict.Outcome)
        {
            GroupId = group?.GroupId,
            Posts = group is null ? null : [.. group.Posts.SelectMany(p => p.Parts.Count > 0 ? p.Parts : [p.Post]).Select(PostView.From)],
        };
    }

    /// <summary>
    /// Checks posts as scheduling them one after another would (each judged as if the earlier ones were stored, so one
    /// text for two accounts of one network meets the duplicate rule), storing nothing; the problems, worded for a person.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckTogetherAsync(Actor actor, IReadOnlyList<ScheduleCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(commands);
        var requests = commands.Select(c => c.ToRequest(actor.By)).ToList();
        var checks = await posts.CheckAsync(requests, cancellationToken);
        return [.. checks.SelectMany((check, i) => check.Problems.Select(p => $"{commands[i].Account}: {p.Message}"))];
    }

    /// <summary>
    /// Many posts in one call (as <c>mops post import</c>): each checked as <see cref="ScheduleAsync"/> checks one and as
    /// if the ones before it were scheduled, then all stored in one transaction, or none, with every problem keyed by
    /// its post (<c>$.posts[3].at</c>). One account per post: a group is scheduled on its own.
    /// </summary>
    public async Task<IReadOnlyList<PostView>> ScheduleAllAsync(Actor actor, IReadOnlyList<ScheduleCommand>? commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (commands is null || commands.Count is 0 or > MaxBatchPosts)
        {
            throw ApiProblemException.Invalid("$.posts", $"give 1 to {MaxBatchPosts:N0} posts.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            var at = $"$.posts[{i}]";
            try
            {
                Check(commands[i] ?? throw ApiProblemException.Invalid("$", "a post is missing."));
                if (commands[i].IsGroup)
                {
                    throw ApiProblemException.Invalid("$.accounts", "a batch takes one account, text and time per post; schedule a group or a thread with POST /api/v1/posts.");
                }
            }
            catch (ApiProblemException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    errors[at + field[1..]] = messages;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ApiProblemException.Invalid(errors);
        }

        try
        {
            var scheduled = await posts.ScheduleAllAsync([.. commands.Select(c => c.ToRequest(actor.By))], cancellationToken);
            return [.. scheduled.Select(s => PostView.From(s.Post))];
        }
        catch (PostRequestException ex)
        {
            throw PostProblems.FromBatch(ex, "$.posts");
        }
    }

    /// <summary>
    /// A proposal (from an AI assistant over MCP): checked and stored like any post, but always held in the approval
    /// inbox for a person, whatever the account's settings.
    /// </summary>
    public async Task<ScheduleOutcome> ProposeAsync(Actor actor, ScheduleCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        Check(command);
        try
        {
            var result = await posts.ScheduleAsync(
                command.ToRequest(actor.By) with { HoldReason = $"proposed by {actor.By}; a person approves what an assistant writes" },
                cancellationToken);
            return new ScheduleOutcome(PostView.From(result.Post), Replayed: false, result.TimeNote, result.Verdict.Outcome);
        }
        catch (PostRequestException ex)
        {
            throw PostProblems.From(ex);
        }
    }

    public async Task<PostPage> ListAsync(PostFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = InputChecks.Limit(filter.Limit, 50);
        var query = new PostQuery(filter.State, filter.Account is null ? null : InputChecks.Id(filter.Account, "account"), limit + 1, filter.DueBefore)
        {
            DueFrom = filter.DueFrom,
            ExperimentId = filter.ExperimentId is null ? null : InputChecks.Id(filter.ExperimentId, "experiment"),
            After = filter.Cursor is null ? null : PostCursors.Decode(filter.Cursor),
        };
        var found = await posts.ListAsync(query, cancellationToken);
        var page = found.Take(limit).ToList();
        return new PostPage(page.Select(PostView.From).ToList(), found.Count > limit ? PostCursors.Encode(page[^1]) : null);
    }

    public async Task<PostDetailsView> GetAsync(string id, CancellationToken cancellationToken)
    {
        InputChecks.Id(id, "id");
        try
        {
            var details = await posts.ShowAsync(id, cancellationToken);
            return new PostDetailsView(PostView.From(details.Post), details.History)
            {
                Group = [.. details.Group.Select(PostView.From)],
                Thread = [.. details.Thread.Select(PostView.From)],
                ThreadStopped = PostThreads.Stopped(details.Thread),
            };
        }
        catch (PostRequestException ex)
        {
            throw PostProblems.From(ex);
        }
    }

    /// <summary>The media a post attaches, for the dashboard to show; their paths stay on the server (no view of the API carries them).</summary>
    public async Task<IReadOnlyList<Sdk.MediaAttachment>> MediaAsync(string id, CancellationToken cancellationToken)
    {
        InputChecks.Id(id, "id");
        try
        {
            return (await posts.ShowAsync(id, cancellationToken)).Post.Media;
        }
        catch (PostRequestException ex)
        {
            throw PostProblems.From(ex);
        }
    }

    public Task<PostView> CancelAsync(Actor actor, string id, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, ifMatch, (change, ct) => posts.CancelAsync(id, change, ct), cancellationToken);

    public Task<PostView> RetryAsync(Actor actor, string id, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, ifMatch, (change, ct) => posts.RetryAsync(id, change, ct), cancellationToken);

    public Task<PostView> ResolveAsync(Actor actor, string id, Uri? publishedUrl, bool notPublished, string? ifMatch, CancellationToken cancellationToken)
    {
        if ((publishedUrl is null) == !notPublished)
        {
            throw ApiProblemException.Invalid("$.publishedUrl", "give either publishedUrl (where the post is) or notPublished: true, not both and not neither.");
        }

        return ChangeAsync(actor, id, ifMatch, (change, ct) => posts.ResolveAsync(id, publishedUrl, change, ct), cancellationToken);
    }

    /// <summary>Reads an <c>If-Match</c> header: null when absent, the version it names, or a problem.</summary>
    public static long? ParseIfMatch(string? ifMatch)
    {
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*")
        {
            return null;
        }

        var text = ifMatch.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            throw ApiProblemException.Invalid("If-Match", "weak ETags cannot guard a change; send the ETag exactly as returned.");
        }

        return text.Length > 2 && text[0] == '"' && text[^1] == '"' && long.TryParse(text.AsSpan(1, text.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ApiProblemException.PreconditionFailed($"If-Match {InputChecks.Shorten(text)} is not an ETag of this post.", null);
    }

    private static async Task<PostView> ChangeAsync(Actor actor, string id, string? ifMatch, Func<PostActor, CancellationToken, Task<Post>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        InputChecks.Id(id, "id");
        var version = ParseIfMatch(ifMatch);
        try
        {
            return PostView.From(await change(new PostActor(actor.By, version), cancellationToken));
        }
        catch (PostVersionMismatchException ex)
        {
            throw ApiProblemException.PreconditionFailed(ex.Message, ex.Current is null ? null : PostView.ETagOf(ex.Current.Version));
        }
        catch (PostRequestException ex)
        {
            throw PostProblems.From(ex);
        }
    }

    private async Task<ScheduleOutcome> ReplayAsync(Actor actor, string key, string hash, CancellationToken cancellationToken)
    {
        var used = await idempotency.GetAsync(actor.Key, key, cancellationToken);
        if (used is not { } earlier)
        {
            throw ApiProblemException.Conflict("The Idempotency-Key was released while this request ran; send the request again.");
        }

        if (!string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal))
        {
            throw new ApiProblemException(422, "Idempotency-Key reused", "This Idempotency-Key was already used with a different request body; use a new key for a new post.",
                new Dictionary<string, string[]> { ["Idempotency-Key"] = ["already used with a different request body."] });
        }

        if (earlier.PostId is null)
        {
            throw ApiProblemException.Conflict("A request with this Idempotency-Key is still being processed; retry in a moment.");
        }

        var details = await posts.ShowAsync(earlier.PostId, cancellationToken);
        var made = details.Group.Count > 0 ? details.Group : details.Thread.Count > 0 ? [details.Post] : [];
        var parts = new List<Post>();
        foreach (var head in made)
        {
            parts.AddRange(head.ThreadId is null ? [head] : (await posts.ShowAsync(head.Id, cancellationToken)).Thread);
        }

        return new ScheduleOutcome(PostView.From(details.Post), Replayed: true, null, null)
        {
            GroupId = details.Post.GroupId,
            Posts = parts.Count == 0 ? null : [.. parts.Select(PostView.From)],
        };
    }

    private static void Check(ScheduleCommand command)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Try(string field, Action check)
        {
            try
            {
                check();
            }
            catch (ApiProblemException ex)
            {
                errors[field] = [.. ex.Errors.Values.SelectMany(v => v)];
            }
        }

        Try("$.account", () => InputChecks.Id(command.Account, "$.account"));
        Try("$.at", () => InputChecks.Text(command.At, "$.at", 64));
        Try("$.text", () => InputChecks.Text(command.Text, "$.text", MaxTextLength));
        if (command.TimeZone is not null)
        {
            Try("$.timeZone", () => InputChecks.Zone(command.TimeZone, "$.timeZone"));
        }

        if (command.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors["$.kind"] = ["use Post, Reply or DirectMessage."];
        }

        if (command.Recipient is not null)
        {
            Try("$.recipient", () => InputChecks.Text(command.Recipient, "$.recipient", 200));
        }

        if (command.InReplyTo is not null)
        {
            Try("$.inReplyTo", () => InputChecks.Text(command.InReplyTo, "$.inReplyTo", 200));
        }

        for (var i = 0; i < (command.Accounts?.Count ?? 0); i++)
        {
            var path = $"$.accounts[{i}]";
            Try(path, () => InputChecks.Id(command.Accounts![i], path));
        }

        foreach (var (account, text) in command.TextFor ?? new Dictionary<string, string>())
        {
            var path = $"$.textFor.{account}";
            Try(path, () => InputChecks.Text(text, path, MaxTextLength));
            if (!command.AllAccounts.Contains(account, StringComparer.Ordinal))
            {
                errors[path] = [$"'{InputChecks.Shorten(account)}' is not one of the accounts of this request."];
            }
        }

        if (command.Thread is { Count: > MaxThreadParts })
        {
            errors["$.thread"] = [$"at most {MaxThreadParts} parts follow the first."];
        }

        for (var i = 0; i < (command.Thread?.Count ?? 0); i++)
        {
            var path = $"$.thread[{i}]";
            Try(path, () => InputChecks.Text(command.Thread![i], path, MaxTextLength));
        }

        for (var i = 0; i < (command.Media?.Count ?? 0); i++)
        {
            var path = $"$.media[{i}]";
            if (command.Media![i] is not { } media)
            {
                errors[path] = ["a media item is an object with path and contentType; null is not one."];
                continue;
            }

            Try(path + ".path", () => InputChecks.Text(media.Path, path + ".path", 4096));
            Try(path + ".contentType", () => InputChecks.Text(media.ContentType, path + ".contentType", 200));
        }

        foreach (var (name, value) in command.Options ?? PlatformOptions.None)
        {
            var path = $"$.options.{name}";
            Try(path, () => InputChecks.Text(value, path, MaxTextLength));
        }

        if (errors.Count > 0)
        {
            throw ApiProblemException.Invalid(errors);
        }
    }
}
