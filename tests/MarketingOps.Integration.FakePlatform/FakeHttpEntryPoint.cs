using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Integration.FakePlatform;

/// <summary>
/// Registers the fake HTTP platform; settings: <c>url</c> (required), <c>timeoutMs</c> (default 1000) and
/// <c>protection</c>: <c>none</c>, <c>record</c> or <c>key:MILLISECONDS</c> (default: not declared, as a 1.0 plugin).
/// </summary>
public sealed class FakeHttpEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        if (!Uri.TryCreate(settings["url"], UriKind.Absolute, out _))
        {
            problems.Add(new SettingsProblem("url", "must be the fake's absolute base URL"));
        }

        if (settings["timeoutMs"] is { } timeout && !int.TryParse(timeout, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            problems.Add(new SettingsProblem("timeoutMs", "must be a whole number of milliseconds"));
        }

        if (settings["protection"] is { } protection && Protection(protection) is null)
        {
            problems.Add(new SettingsProblem("protection", "must be none, record or key:MILLISECONDS"));
        }

        return problems;
    }

    private static RepeatProtection? Protection(string? value) => value switch
    {
        null => null,
        "none" => RepeatProtection.None,
        "record" => RepeatProtection.RecordKey,
        _ when value.StartsWith("key:", StringComparison.Ordinal) && int.TryParse(value[4..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0
            => RepeatProtection.KeyKeptFor(TimeSpan.FromMilliseconds(ms)),
        _ => null,
    };

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var url = new Uri(registrar.Settings["url"]!.TrimEnd('/') + "/");
        var timeout = TimeSpan.FromMilliseconds(int.Parse(registrar.Settings["timeoutMs"] ?? "1000", CultureInfo.InvariantCulture));
        registrar.AddPlatform(new FakeHttpPlatform(registrar.Manifest.Id, url, timeout, Protection(registrar.Settings["protection"]), registrar.Clock));
    }
}
