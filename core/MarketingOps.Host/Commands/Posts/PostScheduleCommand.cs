using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>
/// <c>mops post schedule</c>: validates with the platform, runs the guardrails, stores, schedules; prints the post id.
/// A rejection prints the verdict and exits 1; a post that waits for approval says so.
/// </summary>
internal sealed class PostScheduleCommand : PostCommand<PostScheduleSettings>
{
    protected override bool NeedsPlugins => true;

    protected override async Task<int> ExecuteAsync(PostService posts, PostScheduleSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Accounts.Length > 1 || settings.ThreadFile is not null || settings.FirstComment is not null || settings.TextFor.Length > 0)
        {
            return await ScheduleGroupAsync(posts, settings, cancellationToken);
        }

        ScheduledPost result;
        try
        {
            result = await posts.ScheduleAsync(DraftRequest.From(settings), cancellationToken);
        }
        catch (PostRefusedException refused)
        {
            if (settings.Json)
            {
                JsonOutput.Write(new { id = (string?)null, state = "Refused", outcome = refused.Verdict.Outcome, results = refused.Verdict.Results });
            }
            else
            {
                GuardrailTable.Write(refused.Verdict, Times);
                Console.Error.WriteLine("not scheduled: " + refused.Message);
            }

            return ExitCodes.Failure;
        }

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                id = result.Post.Id,
                state = result.Post.State,
                scheduledAt = result.Post.ScheduledAt,
                note = result.TimeNote,
                outcome = result.Verdict.Outcome,
                text = result.Post.Text,
                links = LinksJson(result.Links),
            });
        }
        else
        {
            // The id alone on stdout, so a script can capture it; the rest is for the person.
            Console.Out.WriteLine(result.Post.Id);
            Console.Error.WriteLine($"{result.Post.State} for {Times.Labelled(result.Post.ScheduledAt, result.Post.Account)} on {result.Post.Account}");
            if (result.Post.State == PostState.PendingApproval)
            {
                var why = result.Verdict.Outcome == GuardrailOutcome.NeedsApproval ? result.Verdict.Summary : $"account '{result.Post.Account}' requires approval";
                Console.Error.WriteLine($"waits for approval ({why}): `mops inbox list` shows it, `mops inbox approve` sends it");
            }
            if (result.Links is { } links)
            {
                // The text changed from what was typed: say so, and show what will be published.
                Console.Error.WriteLine($"links: {links.Summary}; it will publish: {result.Post.Text}");
            }

            if (result.TimeNote is not null)
            {
                Console.Error.WriteLine("note: " + result.TimeNote);
            }

            if (QuietHoursNote.Of(result.Verdict) is { } quiet)
            {
                Console.Error.WriteLine("note: " + quiet);
            }
        }

        return ExitCodes.Success;
    }

    private static object? LinksJson(LinkRewrite? rewrite) =>
        rewrite is null ? null : new { writtenText = rewrite.OriginalText, summary = rewrite.Summary, links = rewrite.Links };

    /// <summary>Several accounts, or a thread: all of it is scheduled, or nothing and every problem is listed.</summary>
    private async Task<int> ScheduleGroupAsync(PostService posts, PostScheduleSettings settings, CancellationToken cancellationToken)
    {
        var group = await posts.ScheduleGroupAsync(DraftRequest.Group(settings), cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                groupId = group.GroupId,
                posts = group.Posts.Select(p => new
                {
                    id = p.Post.Id,
                    account = p.Post.Account,
                    state = p.Post.State,
                    scheduledAt = p.Post.ScheduledAt,
                    note = p.TimeNote,
                    outcome = p.Verdict.Outcome,
                    text = p.Post.Text,
                    links = LinksJson(p.Links),
                    parts = p.Parts.Select((part, i) => new { id = part.Id, part = part.ThreadPart, state = part.State, text = part.Text, links = LinksJson(p.PartLinks[i]) }),
                }),
            });
            return ExitCodes.Success;
        }

        foreach (var scheduled in group.Posts)
        {
            // One id per account on stdout, in the order the accounts were named; the rest is for the person.
            var post = scheduled.Post;
            Console.Out.WriteLine(post.Id);
            var thread = scheduled.Parts.Count > 1 ? $", a thread of {scheduled.Parts.Count} parts ({string.Join(", ", scheduled.Parts.Skip(1).Select(p => p.Id))} follow it)" : "";
            Console.Error.WriteLine($"{post.State} for {Times.Labelled(post.ScheduledAt, post.Account)} on {post.Account}{thread}");
            if (scheduled.Parts.Count == 0 && scheduled.Links is { } links)
            {
                Console.Error.WriteLine($"links: {links.Summary}; it will publish: {post.Text}");
            }

            for (var i = 0; i < scheduled.PartLinks.Count; i++)
            {
                if (scheduled.PartLinks[i] is { } partLinks)
                {
                    Console.Error.WriteLine($"links of part {scheduled.Parts[i].ThreadPart}: {partLinks.Summary}; it will publish: {scheduled.Parts[i].Text}");
                }
            }

            if (scheduled.TimeNote is not null)
            {
                Console.Error.WriteLine("note: " + scheduled.TimeNote);
            }

            if (QuietHoursNote.Of(scheduled.Verdict) is { } quiet)
            {
                Console.Error.WriteLine("note: " + quiet);
            }
        }

        var held = group.Posts.SelectMany(p => p.Parts.Count > 0 ? p.Parts : [p.Post]).Count(p => p.State == PostState.PendingApproval);
        if (held > 0)
        {
            Console.Error.WriteLine($"{held} post(s) wait for approval: `mops inbox list` shows them, `mops inbox approve` sends them");
        }

        if (group.GroupId is not null)
        {
            Console.Error.WriteLine($"group {group.GroupId}: `mops post show` of any of them shows the whole group");
        }

        return ExitCodes.Success;
    }
}
