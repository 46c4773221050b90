using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MopsPlatform;

/// <summary>The plugin's <c>settings</c> object in <c>plugins.json</c>.</summary>
internal sealed record NetworkSettings
{
    /// <summary>The longest text the network takes, in user-perceived characters. The default value is 500.</summary>
    public int MaxTextLength { get; init; } = 500;

    /// <summary>
    /// For the conformance tests only: the network applies every publish but the answer is lost, as when a request times
    /// out after it was sent. A plugin that calls an HTTP API needs no such setting (the kit injects faults into its
    /// requests). The default value is false.
    /// </summary>
    public bool LoseAnswers { get; init; }

    /// <summary>Reads the settings; each problem names its key, which the host shows as a path in plugins.json.</summary>
    public static NetworkSettings Read(IConfiguration settings, List<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = new NetworkSettings();
        if (settings["maxTextLength"] is { } length)
        {
            if (int.TryParse(length, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 100_000)
            {
                result = result with { MaxTextLength = value };
            }
            else
            {
                problems.Add(new SettingsProblem("maxTextLength", $"must be a whole number from 1 to 100000 (was \"{length}\")"));
            }
        }

        if (settings["loseAnswers"] is { } lose)
        {
            if (bool.TryParse(lose, out var value))
            {
                result = result with { LoseAnswers = value };
            }
            else
            {
                problems.Add(new SettingsProblem("loseAnswers", $"must be true or false (was \"{lose}\")"));
            }
        }

        return result;
    }
}
