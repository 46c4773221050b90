using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Journal;

/// <summary>One line of the journal: a post the network received (<c>publish</c>) or removed (<c>delete</c>).</summary>
internal sealed record JournalEntry(string Op, string Account, string PostId, DateTimeOffset At)
{
    public const string Publish = "publish";
    public const string Delete = "delete";

    public long? Sequence { get; init; }

    public string? IdempotencyKey { get; init; }

    public MessageKind? Kind { get; init; }

    public string? Text { get; init; }

    public string? InReplyTo { get; init; }

    public string? Recipient { get; init; }

    /// <summary>The audience the post reached for (followers, or one recipient), kept so replayed counters do not change with settings.</summary>
    public double? Audience { get; init; }

    public IReadOnlyDictionary<string, string>? Options { get; init; }
}
