namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>The sandbox plugin's settings (the <c>settings</c> object in <c>plugins.json</c>); see docs/plugins/sandbox.md.</summary>
internal sealed class SandboxSettings
{
    /// <summary>Seed of every random draw. The default value is 1.</summary>
    public long Seed { get; set; } = 1;

    /// <summary>Longest post in graphemes. The default value is 300.</summary>
    public int MaxLength { get; set; } = 300;

    /// <summary>Multiplies elapsed time for engagement (60 = one minute is an hour). The default value is 1.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Share of followers a post reaches once saturated. The default value is 0.3.</summary>
    public double Reach { get; set; } = 0.3;

    /// <summary>Simulated hours until a post has half of its final impressions. The default value is 2.</summary>
    public double ReachHalfLifeHours { get; set; } = 2;

    /// <summary>How long an exact duplicate of an account's post is refused. The default value is 24 hours.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether the declared rate budgets are enforced. The default value is true.</summary>
    public bool EnforceRateBudgets { get; set; } = true;

    /// <summary>Rates for posts no rule matches. The default value is <see cref="EngagementRates"/>' defaults.</summary>
    public EngagementRates DefaultRates { get; set; } = new();

    /// <summary>Rate rules, first match wins. The default value is none.</summary>
    public IReadOnlyList<RateRule> Rates { get; set; } = [];

    /// <summary>Simulated audience activity. The default value is <see cref="AudienceSettings"/>' defaults.</summary>
    public AudienceSettings Audience { get; set; } = new();

    /// <summary>Injected faults. The default value is none.</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>Path of the JSON-lines journal that keeps the network across restarts. The default value is none (in memory).</summary>
    public string? Journal { get; set; }

    public EngagementRates RatesFor(string text, IReadOnlyDictionary<string, string> options)
    {
        foreach (var rule in Rates)
        {
            if (rule.Matches(text, options))
            {
                return rule.Rates;
            }
        }

        return DefaultRates;
    }
}
