namespace MarketingOps.Sdk;

/// <summary>A platform's rules for automated accounts, as data the host's guardrails enforce.</summary>
public sealed record AutomationRules
{
    /// <summary>A direct message may only go to someone who messaged the account first. The default value is true.</summary>
    public bool DirectMessageRequiresPriorMessage { get; init; } = true;

    /// <summary>Automatic welcome messages to new followers are forbidden. The default value is true.</summary>
    public bool ForbidsWelcomeMessages { get; init; } = true;

    /// <summary>An automatic reply may only go to someone who engaged first, once per interaction. The default value is true.</summary>
    public bool AutoReplyRequiresEngagement { get; init; } = true;

    /// <summary>A/B variants of one experiment may be near-duplicates of each other. The default value is false.</summary>
    public bool AllowsVariantPosts { get; init; }

    /// <summary>Default cap on posts per account per day. The default value is 50.</summary>
    public int PostsPerDay { get; init; } = 50;

    /// <summary>Default cap on replies per account per hour. The default value is 20.</summary>
    public int RepliesPerHour { get; init; } = 20;

    /// <summary>Default cap on direct messages per account per day. The default value is 20.</summary>
    public int DirectMessagesPerDay { get; init; } = 20;
}
