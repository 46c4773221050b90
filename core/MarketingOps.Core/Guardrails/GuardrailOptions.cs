namespace MarketingOps.Core.Guardrails;

/// <summary>Settings of the guardrail pipeline, bound from the <c>Guardrails</c> configuration section.</summary>
public sealed class GuardrailOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Guardrails";

    /// <summary>How far apart two posts may be and still count as duplicates. The default value is 30 days.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Jaccard similarity of normalised shingles at or above which two messages are near-duplicates.
    /// The default value is 0.6, chosen on the labelled paraphrase set in the tests: its copies score 0.63 and up, its different posts 0.56 and below.
    /// </summary>
    public double NearDuplicateThreshold { get; set; } = 0.6;

    /// <summary>Similarity at or above which two messages count as the same message. The default value is 0.9.</summary>
    public double IdenticalThreshold { get; set; } = 0.9;

    /// <summary>How many recipients may get near-identical replies or messages within <see cref="FanOutWindow"/>. The default value is 3.</summary>
    public int FanOutLimit { get; set; } = 3;

    /// <summary>The window of the fan-out rule. The default value is 24 hours.</summary>
    public TimeSpan FanOutWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Posts per account in any 24 hours; <see langword="null"/> uses the platform's default. The default value is <see langword="null"/>.</summary>
    public int? PostsPerDay { get; set; }

    /// <summary>Replies per account in any hour; <see langword="null"/> uses the platform's default. The default value is <see langword="null"/>.</summary>
    public int? RepliesPerHour { get; set; }

    /// <summary>Direct messages per account in any 24 hours; <see langword="null"/> uses the platform's default. The default value is <see langword="null"/>.</summary>
    public int? DirectMessagesPerDay { get; set; }

    /// <summary>Start of the quiet hours in each account's own time zone; <see langword="null"/> turns them off. The default value is 22:00.</summary>
    public TimeOnly? QuietHoursStart { get; set; } = new(22, 0);

    /// <summary>End of the quiet hours (exclusive), in the account's time zone. The default value is 07:00.</summary>
    public TimeOnly? QuietHoursEnd { get; set; } = new(7, 0);
}
