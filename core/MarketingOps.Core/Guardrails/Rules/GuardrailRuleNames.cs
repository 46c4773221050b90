namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>The rules' names, as reasons and the automation report show them.</summary>
public static class GuardrailRuleNames
{
    public const string Account = "account";
    public const string PlatformText = "platform-text";
    public const string DuplicateContent = "duplicate-content";
    public const string FanOut = "fan-out";
    public const string AccountCaps = "account-caps";
    public const string QuietHours = "quiet-hours";
    public const string DirectMessageFirstContact = "dm-first-contact";
    public const string WelcomeMessage = "welcome-message";
    public const string AutoReply = "auto-reply";
}
