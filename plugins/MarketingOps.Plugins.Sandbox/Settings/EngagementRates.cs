namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>True engagement rates per impression; the realised rates of many posts converge to these.</summary>
internal sealed record EngagementRates
{
    /// <summary>Link clicks per impression. The default value is 0.01.</summary>
    public double ClickRate { get; init; } = 0.01;

    /// <summary>Likes per impression. The default value is 0.03.</summary>
    public double LikeRate { get; init; } = 0.03;

    /// <summary>Reposts per impression. The default value is 0.005.</summary>
    public double RepostRate { get; init; } = 0.005;

    /// <summary>Replies per impression. The default value is 0.002.</summary>
    public double ReplyRate { get; init; } = 0.002;
}
