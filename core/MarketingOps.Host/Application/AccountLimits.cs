namespace MarketingOps.Host.Application;

/// <summary>What a post of an account must stay within: the platform's text rules and the caps and quiet hours in force.</summary>
internal sealed record AccountLimits(
    int? MaxTextLength,
    string? LengthRule,
    int? MaxMedia,
    int? PostsPerDay,
    int? RepliesPerHour,
    int? DirectMessagesPerDay,
    TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd);
