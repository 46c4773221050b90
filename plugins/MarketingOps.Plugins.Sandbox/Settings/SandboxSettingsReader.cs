using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>Binds and validates the sandbox's settings by hand, so every problem names its key and the plugin needs no binder.</summary>
internal static class SandboxSettingsReader
{
    private const double MaxPerHour = 500;

    public static SandboxSettings Read(IConfiguration configuration, List<SettingsProblem> problems)
    {
        var root = new SettingsSection(configuration, string.Empty, problems);
        root.RejectUnknown(
            "seed", "maxLength", "timeScale", "reach", "reachHalfLifeHours", "duplicateWindowHours",
            "enforceRateBudgets", "defaultRates", "rates", "audience", "faults", "journal");

        var settings = new SandboxSettings();
        settings.Seed = root.Integer("seed", settings.Seed, long.MinValue, long.MaxValue);
        settings.MaxLength = (int)root.Integer("maxLength", settings.MaxLength, 1, 100_000);
        settings.TimeScale = root.Number("timeScale", settings.TimeScale, 0, 1_000_000, minExclusive: true);
        settings.Reach = root.Number("reach", settings.Reach, 0, 1);
        settings.ReachHalfLifeHours = root.Number("reachHalfLifeHours", settings.ReachHalfLifeHours, 0, 24 * 365, minExclusive: true);
        settings.DuplicateWindow = TimeSpan.FromHours(root.Number("duplicateWindowHours", settings.DuplicateWindow.TotalHours, 0, 24 * 365));
        settings.EnforceRateBudgets = root.Boolean("enforceRateBudgets", settings.EnforceRateBudgets);
        settings.Journal = root.Text("journal");
        settings.DefaultRates = ReadRates(root.Child("defaultRates"), settings.DefaultRates);
        settings.Rates = ReadRules(root.Child("rates"), settings.DefaultRates);
        settings.Audience = ReadAudience(root.Child("audience"));
        settings.Faults = ReadFaults(root.Child("faults"));
        return settings;
    }

    public static IReadOnlyList<SandboxAccount> ReadAccounts(IEnumerable<PluginAccount> accounts, List<SettingsProblem> problems)
    {
        var result = new List<SandboxAccount>();
        foreach (var account in accounts)
        {
            var section = new SettingsSection(account.Settings, $"accounts:{account.Name}", problems);
            var handle = section.Text("handle") ?? account.Name;
            // Every impression is drawn one by one (see BernoulliCounter), so reach is kept to what a demo can afford.
            var followers = section.Integer("followers", SandboxAccount.DefaultFollowers, 0, 10_000_000);
            result.Add(new SandboxAccount(account.Name, handle.TrimStart('@'), followers));
        }

        return result;
    }

    private static EngagementRates ReadRates(SettingsSection section, EngagementRates fallback) => new()
    {
        ClickRate = section.Number("clickRate", fallback.ClickRate, 0, 1),
        LikeRate = section.Number("likeRate", fallback.LikeRate, 0, 1),
        RepostRate = section.Number("repostRate", fallback.RepostRate, 0, 1),
        ReplyRate = section.Number("replyRate", fallback.ReplyRate, 0, 1),
    };

    private static List<RateRule> ReadRules(SettingsSection section, EngagementRates defaults)
    {
        var rules = new List<RateRule>();
        if (section.Configuration is IConfigurationSection { Value: not null })
        {
            section.Problem(string.Empty, "Must be a list of rules such as { \"contains\": \"free shipping\", \"clickRate\": 0.04 }.");
            return rules;
        }

        // Configuration lists are objects keyed 0, 1, …: order them numerically so "first match wins" holds past 9.
        var items = section.Configuration.GetChildren()
            .Select(child => (child.Key, Index: int.TryParse(child.Key, out var i) ? i : -1))
            .OrderBy(item => item.Index);
        foreach (var (key, index) in items)
        {
            var item = section.Child(key);
            if (index < 0)
            {
                item.Problem(string.Empty, "Must be a list, not an object.");
                continue;
            }

            item.RejectUnknown("contains", "variant", "clickRate", "likeRate", "repostRate", "replyRate");
            var contains = item.Text("contains");
            var variant = item.Text("variant");
            if (contains is null && variant is null && !item.Has("contains") && !item.Has("variant"))
            {
                item.Problem("contains", "A rule needs 'contains' (text to look for) or 'variant' (the draft's variant option).");
            }

            rules.Add(new RateRule(contains, variant, ReadRates(item, defaults)));
        }

        return rules;
    }

    private static AudienceSettings ReadAudience(SettingsSection section)
    {
        section.RejectUnknown("followsPerHour", "mentionsPerHour", "messagesPerHour");
        var defaults = new AudienceSettings();
        return new AudienceSettings
        {
            FollowsPerHour = section.Number("followsPerHour", defaults.FollowsPerHour, 0, MaxPerHour),
            MentionsPerHour = section.Number("mentionsPerHour", defaults.MentionsPerHour, 0, MaxPerHour),
            MessagesPerHour = section.Number("messagesPerHour", defaults.MessagesPerHour, 0, MaxPerHour),
        };
    }

    private static FaultSettings ReadFaults(SettingsSection section)
    {
        section.RejectUnknown("transientRate", "ambiguousRate", "rateLimitRate", "unavailableRate", "retryAfterSeconds", "answerDelayMs");
        var defaults = new FaultSettings();
        var faults = new FaultSettings
        {
            TransientRate = section.Number("transientRate", 0, 0, 1),
            AmbiguousRate = section.Number("ambiguousRate", 0, 0, 1),
            RateLimitRate = section.Number("rateLimitRate", 0, 0, 1),
            UnavailableRate = section.Number("unavailableRate", 0, 0, 1),
            RetryAfter = TimeSpan.FromSeconds(section.Number("retryAfterSeconds", defaults.RetryAfter.TotalSeconds, 0, 86_400)),
            AnswerDelay = TimeSpan.FromMilliseconds(section.Number("answerDelayMs", 0, 0, 60_000)),
        };
        if (faults.TransientRate + faults.AmbiguousRate + faults.RateLimitRate > 1)
        {
            section.Problem("transientRate", "transientRate + ambiguousRate + rateLimitRate must be at most 1.");
        }

        return faults;
    }
}
