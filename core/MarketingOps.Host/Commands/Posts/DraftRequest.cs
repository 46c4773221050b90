using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>Turns <see cref="DraftSettings"/> into the request the post service checks: the text read, the media found.</summary>
internal static class DraftRequest
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

    public static ScheduleRequest From(DraftSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ScheduleRequest(settings.Account!, settings.At ?? "", settings.Text ?? ReadText(settings.File!))
        {
            TimeZone = settings.TimeZone,
            Media = settings.Media.Select(ToAttachment).ToList(),
            ExperimentId = settings.Experiment,
            Variant = settings.Variant,
            Kind = UnattendedPolicy.ParseKind(settings.Kind)!.Value,
            Recipient = settings.To,
            InReplyTo = settings.InReplyTo,
        };
    }

    private static string ReadText(string file)
    {
        var path = Path.GetFullPath(file);
        try
        {
            return PostText.FromFile(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException(File.Exists(path) ? $"--file: cannot read {path}: {ex.Message}" : $"--file: {path} does not exist");
        }
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
