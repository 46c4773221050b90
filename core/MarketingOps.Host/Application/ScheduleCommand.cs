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
    /// <summary>More accounts for the same post, scheduled with <see cref="Account"/> as one group (one post per account, all or none); <see cref="Account"/> may be repeated here.</summary>
    public IReadOnlyList<string>? Accounts { get; init; }

    /// <summary>Another text for some accounts of a group (account name → text), taken whole; for a thread, it replaces the first part.</summary>
    public IReadOnlyDictionary<string, string>? TextFor { get; init; }

    /// <summary>The parts that follow <see cref="Text"/> in a thread, in order, each published as a reply to the one before; one part is a first comment.</summary>
    public IReadOnlyList<string>? Thread { get; init; }

    /// <summary>Media attached to every post of the command. The default value is none.</summary>
    public IReadOnlyList<MediaAttachment>? Media { get; init; }

    /// <summary>Platform options by name (Mastodon's <c>visibility</c>, X's <c>reply_settings</c>, …), for every post of the command; each must be one its platform declares. The default value is none.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>Every account the command names: <see cref="Account"/> first, then <see cref="Accounts"/> without repeats.</summary>
    public IReadOnlyList<string> AllAccounts => [.. new[] { Account }.Concat(Accounts ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>True when the command makes more than one post: several accounts or a thread.</summary>
    public bool IsGroup => AllAccounts.Count > 1 || Thread is { Count: > 0 } || TextFor is { Count: > 0 };

    /// <summary>The post service's request for this command, made by <paramref name="source"/> (recorded in the post's history).</summary>
    public ScheduleRequest ToRequest(string source) => ToRequest(source, Account);

    /// <summary>One request per account of the command, each with its own text when <see cref="TextFor"/> names it.</summary>
    public IReadOnlyList<ScheduleRequest> ToRequests(string source) => [.. AllAccounts.Select(a => ToRequest(source, a))];

    private ScheduleRequest ToRequest(string source, string account) =>
        new DraftFields(TimeZone, Experiment: null, Variant: null, Kind ?? MessageKind.Post, Recipient, InReplyTo) { Options = Options ?? PlatformOptions.None }
            .ToRequest(account, At, TextFor?.GetValueOrDefault(account) ?? Text, Media ?? []) with
        {
            Source = source,
            ThreadTexts = Thread ?? [],
        };
}
