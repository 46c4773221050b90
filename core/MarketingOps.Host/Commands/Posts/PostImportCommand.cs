using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Posts.Import;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>
/// <c>mops post import FILE</c>: many posts in one call, as a spreadsheet's bulk upload. Every post is checked first by
/// its platform and the guardrails (each as if the ones before it were scheduled, so a text repeated in the file meets
/// the duplicate rule), then all are stored in one transaction, or none, with a line per problem (<c>FILE:ROW: …</c>).
/// </summary>
internal sealed class PostImportCommand : PostCommand<PostImportSettings>
{
    protected override bool NeedsPlugins => true;

    protected override async Task<int> ExecuteAsync(PostService posts, PostImportSettings settings, CancellationToken cancellationToken)
    {
        var file = PostImportReader.Read(settings.File);
        if (file.Unreadable)
        {
            return Refuse(file.Problems, settings);
        }

        // Every post that could be read is checked, so one attempt lists every problem of the file; a rule that names
        // another post of the file (the same text twice) names it by its row, as the posts are not stored yet.
        var requests = file.Rows.Select(r => r.Request).ToList();
        var checks = await posts.CheckAsync(requests, cancellationToken);
        var rows = checks.Select((check, i) => (PostId: check.Verdict?.MessageId, file.Rows[i].Where)).Where(c => c.PostId is not null).ToList();
        var problems = file.Problems.Concat(checks.SelectMany((check, i) => check.Problems.Select(p => Describe(file.Rows[i], p, rows!)))).ToList();
        if (problems.Count > 0)
        {
            return Refuse(problems, settings);
        }

        if (settings.DryRun)
        {
            var held = checks.Count(c => c.ApprovalReason is not null);
            if (settings.Json)
            {
                JsonOutput.Write(new { imported = 0, checkedPosts = checks.Count, waitForApproval = held, posts = checks.Select((c, i) => Planned(file.Rows[i], c)) });
            }
            else
            {
                Console.Error.WriteLine($"{checks.Count} post(s) would be scheduled{(held > 0 ? $", {held} of them to wait for approval" : "")}; nothing was stored (--dry-run)");
            }

            return ExitCodes.Success;
        }

        IReadOnlyList<ScheduledPost> scheduled;
        try
        {
            // Checks every post, then stores all of them in one transaction, or none.
            scheduled = await posts.ScheduleAllAsync(requests, cancellationToken);
        }
        catch (PostRequestException ex) when (ex.Details.Count > 0)
        {
            return Refuse([.. ex.Details.Select(p => p.RequestIndex is { } i ? Describe(file.Rows[i], p, []) : new ImportProblem(0, $"{settings.File}: {p.Message}"))], settings);
        }

        var waiting = scheduled.Count(p => p.Post.State == PostState.PendingApproval);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                imported = scheduled.Count,
                waitForApproval = waiting,
                posts = scheduled.Select((p, i) => new { from = file.Rows[i].Where, id = p.Post.Id, account = p.Post.Account, state = p.Post.State, scheduledAt = p.Post.ScheduledAt, note = p.TimeNote }),
            });
            return ExitCodes.Success;
        }

        // The ids on stdout, one per post in the file's order; the rest is for the person.
        foreach (var post in scheduled)
        {
            Console.Out.WriteLine(post.Post.Id);
        }

        var first = scheduled.MinBy(p => p.Post.DueAt)!.Post;
        var last = scheduled.MaxBy(p => p.Post.DueAt)!.Post;
        Console.Error.WriteLine($"imported {scheduled.Count} post(s) from {Path.GetFileName(settings.File)}, from {Times.Labelled(first.ScheduledAt, first.Account)} to {Times.Labelled(last.ScheduledAt, last.Account)}");
        if (waiting > 0)
        {
            Console.Error.WriteLine($"{waiting} wait for approval: `mops inbox list` shows them, `mops inbox approve` sends them");
        }

        foreach (var (post, i) in scheduled.Select((p, i) => (p, i)).Where(x => x.p.TimeNote is not null))
        {
            Console.Error.WriteLine($"note: {file.Rows[i].Where}: {post.TimeNote}");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// A post <c>--dry-run</c> would schedule, in the shape of <c>post list --json</c> less what only storing gives
    /// (id, attempts, platform ids): the text as written, before links are rewritten.
    /// </summary>
    private static object Planned(ImportRow row, PostCheck check)
    {
        var post = check.Post!;
        return new
        {
            from = row.Where,
            account = post.Account,
            state = post.State,
            text = row.Request.Text,
            scheduledAt = post.ScheduledAt,
            dueAt = post.DueAt,
            experimentId = post.ExperimentId,
            variant = post.Variant,
            media = post.Media.Select(m => m.Path),
            mediaAlt = post.Media.Select(m => m.AltText),
            options = post.Options,
            kind = post.Kind,
            to = post.Recipient,
            inReplyTo = post.InReplyTo,
            waitsForApproval = check.ApprovalReason,
        };
    }

    /// <summary>A problem as the import words it: where, then the column it is about; other posts of the file named by where they are.</summary>
    private static ImportProblem Describe(ImportRow row, PostProblem problem, IReadOnlyList<(string PostId, string Where)> rows) => new(row.Position, $"{row.Where}: " + (problem.Field switch
    {
        PostField.Account => "account: ",
        PostField.At => "at: ",
        PostField.TimeZone => "tz: ",
        PostField.Text => "text: ",
        PostField.Recipient => "to: ",
        PostField.InReplyTo => "in_reply_to: ",
        PostField.Options => problem.Option is null ? "options: " : $"{row.OptionLabel(problem.Option)}: ",
        _ => "",
    }) + rows.Aggregate(problem.Message, (message, other) => message.Replace($"post {other.PostId}", $"the post of {other.Where}", StringComparison.Ordinal)));

    private static int Refuse(IEnumerable<ImportProblem> found, PostImportSettings settings)
    {
        var problems = found.OrderBy(p => p.Position).Select(p => p.Message).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(new { imported = 0, problems });
        }
        else
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem);
            }

            Console.Error.WriteLine($"nothing was imported: {problems.Count} problem(s); fix them and import the whole file again");
        }

        return ExitCodes.Failure;
    }
}
