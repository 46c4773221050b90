using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MopsWorkflow;

/// <summary>The plugin's <c>settings</c> object in <c>plugins.json</c>.</summary>
internal sealed record WorkflowSettings
{
    /// <summary>How far back the first run looks for questions. The default value is 24 hours.</summary>
    public TimeSpan FirstRunLookback { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Reads the settings; each problem names its key, which the host shows as a path in plugins.json.</summary>
    public static WorkflowSettings Read(IConfiguration settings, List<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = new WorkflowSettings();
        if (settings["firstRunLookbackHours"] is { } hours)
        {
            if (int.TryParse(hours, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 720)
            {
                result = result with { FirstRunLookback = TimeSpan.FromHours(value) };
            }
            else
            {
                problems.Add(new SettingsProblem("firstRunLookbackHours", $"must be a whole number of hours from 1 to 720 (was \"{hours}\")"));
            }
        }

        return result;
    }
}
