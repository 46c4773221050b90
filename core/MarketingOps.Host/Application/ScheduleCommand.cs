using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Application;

/// <summary>What a caller asks to schedule; read exactly as <c>mops post schedule</c> reads its options.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="At">ISO 8601 with an offset, or a local time read in <paramref name="TimeZone"/> or the account's zone.</param>
/// <param name="Text">The text, taken whole.</param>
/// <param name="TimeZone">IANA zone for a local <paramref name="At"/>.</param>
/// <param name="Kind">Post, reply or direct message; post when omitted.</param>
/// <param name="Recipient">The handle a reply or direct message is for.</param>
/// <param name="InReplyTo">The platform id of the post a reply answers.</param>
internal sealed record ScheduleCommand(
    string Account,
    string At,
    string Text,
    string? TimeZone = null,
    MessageKind? Kind = null,
    string? Recipient = null,
    string? InReplyTo = null)
{
    /// <summary>The post service's request for this command, made by <paramref name="source"/> (recorded in the post's history).</summary>
    public ScheduleRequest ToRequest(string source) => new(Account, At, Text)
    {
        TimeZone = TimeZone,
        Kind = Kind ?? MessageKind.Post,
        Recipient = Recipient,
        InReplyTo = InReplyTo,
        Source = source,
    };
}
