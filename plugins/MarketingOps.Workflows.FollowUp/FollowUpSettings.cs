using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Workflows.FollowUp;

/// <summary>The workflow's settings from <c>plugins.json</c>.</summary>
internal sealed record FollowUpSettings
{
    /// <summary>How far back the first run looks. The default value is 24 hours.</summary>
    public TimeSpan FirstRunLookback { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Draft a message to new followers for a person to send. The default value is true.</summary>
    public bool DraftForFollowers { get; init; } = true;

    public static FollowUpSettings Read(IConfiguration settings, List<SettingsProblem> problems)
    {
        var result = new FollowUpSettings();
        if (settings["firstRunLookbackHours"] is { } hours)
        {
            if (int.TryParse(hours, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 24 * 30)
            {
                result = result with { FirstRunLookback = TimeSpan.FromHours(value) };
            }
            else
            {
                problems.Add(new SettingsProblem("firstRunLookbackHours", $"must be a whole number of hours from 1 to 720 (was \"{hours}\")"));
            }
        }

        if (settings["draftForFollowers"] is { } followers)
        {
            if (bool.TryParse(followers, out var value))
            {
                result = result with { DraftForFollowers = value };
            }
            else
            {
                problems.Add(new SettingsProblem("draftForFollowers", $"must be true or false (was \"{followers}\")"));
            }
        }

        return result;
    }
}
