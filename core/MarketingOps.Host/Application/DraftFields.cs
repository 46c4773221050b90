using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Application;

/// <summary>
/// What a post's request holds besides its account, time, text and media, however it was given (command-line options,
/// an import file's row); the one place a <see cref="ScheduleRequest"/> is built from them.
/// </summary>
internal sealed record DraftFields(string? TimeZone, string? Experiment, string? Variant, MessageKind Kind, string? To, string? InReplyTo)
{
    /// <summary>Platform options by name. The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = PlatformOptions.None;

    public ScheduleRequest ToRequest(string account, string at, string text, IReadOnlyList<MediaAttachment> media) => new(account, at, text)
    {
        TimeZone = TimeZone,
        Media = media,
        ExperimentId = Experiment,
        Variant = Variant,
        Kind = Kind,
        Recipient = To,
        InReplyTo = InReplyTo,
        Options = Options,
    };
}
