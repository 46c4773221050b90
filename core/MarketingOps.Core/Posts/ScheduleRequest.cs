using MarketingOps.Sdk;

namespace MarketingOps.Core.Posts;

/// <summary>What a caller asks to schedule.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="At">ISO 8601 with an offset, or a local time read in <see cref="TimeZone"/> or the account's zone.</param>
/// <param name="Text">The post's text.</param>
public sealed record ScheduleRequest(string Account, string At, string Text)
{
    /// <summary>IANA zone for a local <see cref="At"/>. The default value is the account's zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Media to attach. The default value is none.</summary>
    public IReadOnlyList<MediaAttachment> Media { get; init; } = [];

    /// <summary>The experiment the post belongs to. The default value is none.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>The experiment variant. The default value is none.</summary>
    public string? Variant { get; init; }

    /// <summary>Who asked (cli, script, workflow), for the history. The default value is <c>cli</c>.</summary>
    public string Source { get; init; } = "cli";
}
