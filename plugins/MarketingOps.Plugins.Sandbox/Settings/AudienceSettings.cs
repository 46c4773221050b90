namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>How often simulated people follow, mention or message each account, in the host's clock.</summary>
internal sealed record AudienceSettings
{
    /// <summary>Mean new followers per hour per account. The default value is 0.5.</summary>
    public double FollowsPerHour { get; init; } = 0.5;

    /// <summary>Mean mentions per hour per account. The default value is 0.2.</summary>
    public double MentionsPerHour { get; init; } = 0.2;

    /// <summary>Mean direct messages per hour per account. The default value is 0.05.</summary>
    public double MessagesPerHour { get; init; } = 0.05;
}
