using MarketingOps.Core.Posts;
using MarketingOps.Host.Application;
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
        return settings.Fields().ToRequest(settings.Account!, settings.At ?? "", settings.Text ?? ReadText(settings.File!), Attachments(settings));
    }

    /// <summary>One request per <c>--account</c> (a group when several), each with its <c>--text-for</c> text and the thread's parts.</summary>
    public static IReadOnlyList<ScheduleRequest> Group(PostScheduleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var media = Attachments(settings);
        IReadOnlyList<string> parts = settings.ThreadFile is { } threadFile
            ? ThreadParts(threadFile, hasMedia: media.Count > 0)
            : [settings.Text ?? ReadText(settings.File!), .. settings.FirstComment is { } comment ? [comment] : Array.Empty<string>()];
        var own = settings.TextFor.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var fields = settings.Fields();
        return [.. settings.Accounts.Select(account => fields.ToRequest(account, settings.At ?? "", own.TryGetValue(account, out var text) ? text : parts[0], media) with
        {
            ThreadTexts = [.. parts.Skip(1)],
        })];
    }

    /// <summary>
    /// The parts of a thread file; a part with no text is refused naming the file and line (a second '---' in a row
    /// went into the next part, a trailing one was refused as "--text: the post has no text"). The first part may be
    /// media alone.
    /// </summary>
    private static IReadOnlyList<string> ThreadParts(string file, bool hasMedia)
    {
        var parts = ThreadText.Parts(Read(file, "--thread-file"));
        var shown = DisplayPath.Of(file);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (!string.IsNullOrWhiteSpace(part.Text) || (i == 0 && hasMedia && part.HasLines))
            {
                continue;
            }

            var why = part.HasLines ? "has no text"
                : i == 0 ? "is empty: the file starts with a '---' line; remove it"
                : i == parts.Count - 1 ? "is empty: the file ends with a '---' line; remove it"
                : "is empty: two '---' lines in a row; remove one, or write the part between them";
            throw new UserFacingException($"{shown}:{part.Line}: part {i + 1} of {parts.Count} of the thread {why}");
        }

        return [.. parts.Select(p => p.Text)];
    }

    private static string ReadText(string file) => ReadText(file, "--file");

    /// <summary>The text of a UTF-8 file, less one trailing line break; <paramref name="option"/> names where it was given.</summary>
    public static string ReadText(string file, string option) => PostText.FromFile(Read(file, option));

    private static string Read(string file, string option)
    {
        var path = Path.GetFullPath(file);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException(File.Exists(path) ? $"{option}: cannot read {path}: {ex.Message}" : $"{option}: {path} does not exist");
        }
    }

    /// <summary>The <c>--media</c> files, each with the <c>--alt</c> at its place, if any.</summary>
    private static List<MediaAttachment> Attachments(DraftSettings settings) =>
        [.. settings.Media.Select((file, i) => ToAttachment(file, "--media") with { AltText = i < settings.Alt.Length ? settings.Alt[i] : null })];

    /// <summary>A media file as an attachment; <paramref name="label"/> names where it was given (<c>--media</c>, a column).</summary>
    public static MediaAttachment ToAttachment(string file, string label)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new UserFacingException($"{label}: {path} does not exist");
        }

        return ContentTypes.TryGetValue(Path.GetExtension(path), out var type)
            ? new MediaAttachment(path, type)
            : throw new UserFacingException($"{label}: {path} is not a supported media type ({string.Join(", ", ContentTypes.Keys)})");
    }
}
