using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
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
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".mp4"] = "video/mp4",
        [".mov"] = "video/quicktime",
    };

    protected override bool NeedsPlugins => true;

    protected override async Task<int> ExecuteAsync(PostService posts, PostScheduleSettings settings, CancellationToken cancellationToken)
    {
        var text = settings.Text ?? ReadText(settings.File!);
        var media = settings.Media.Select(ToAttachment).ToList();
        ScheduledPost result;
        try
        {
            result = await posts.ScheduleAsync(
                new ScheduleRequest(settings.Account!, settings.At!, text)
                {
                    TimeZone = settings.TimeZone,
                    Media = media,
                    ExperimentId = settings.Experiment,
                    Variant = settings.Variant,
                    Kind = UnattendedPolicy.ParseKind(settings.Kind)!.Value,
                    Recipient = settings.To,
                    InReplyTo = settings.InReplyTo,
                },
                cancellationToken);
        }
        catch (PostRefusedException refused)
        {
            if (settings.Json)
            {
                JsonOutput.Write(new { id = (string?)null, state = "Refused", outcome = refused.Verdict.Outcome, results = refused.Verdict.Results });
            }
            else
            {
                GuardrailTable.Write(refused.Verdict);
                Console.Error.WriteLine("not scheduled: " + refused.Message);
            }

            return ExitCodes.Failure;
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { id = result.Post.Id, state = result.Post.State, scheduledAt = result.Post.ScheduledAt, note = result.TimeNote, outcome = result.Verdict.Outcome });
        }
        else
        {
            // The id alone on stdout, so a script can capture it; the rest is for the person.
            Console.Out.WriteLine(result.Post.Id);
            Console.Error.WriteLine($"{result.Post.State} for {result.Post.ScheduledAt:yyyy-MM-dd HH:mm:ss} UTC on {result.Post.Account}");
            if (result.Post.State == PostState.PendingApproval)
            {
                var why = result.Verdict.Outcome == GuardrailOutcome.NeedsApproval ? result.Verdict.Summary : $"account '{result.Post.Account}' requires approval";
                Console.Error.WriteLine($"waits for approval ({why}): `mops inbox list` shows it, `mops inbox approve` sends it");
            }
            if (result.TimeNote is not null)
            {
                Console.Error.WriteLine("note: " + result.TimeNote);
            }
        }

        return ExitCodes.Success;
    }

    private static string ReadText(string file)
    {
        var path = Path.GetFullPath(file);
        return File.Exists(path) ? PostText.FromFile(File.ReadAllText(path)) : throw new UserFacingException($"--file: {path} does not exist");
    }

    private static MediaAttachment ToAttachment(string file)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new UserFacingException($"--media: {path} does not exist");
        }

        return ContentTypes.TryGetValue(Path.GetExtension(path), out var type)
            ? new MediaAttachment(path, type)
            : throw new UserFacingException($"--media: {path} is not a supported media type ({string.Join(", ", ContentTypes.Keys)})");
    }
}
