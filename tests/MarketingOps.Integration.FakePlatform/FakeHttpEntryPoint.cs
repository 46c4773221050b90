using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Integration.FakePlatform;

/// <summary>Registers the fake HTTP platform; settings: <c>url</c> (required) and <c>timeoutMs</c> (default 1000).</summary>
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

        return problems;
    }

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var url = new Uri(registrar.Settings["url"]!.TrimEnd('/') + "/");
        var timeout = TimeSpan.FromMilliseconds(int.Parse(registrar.Settings["timeoutMs"] ?? "1000", CultureInfo.InvariantCulture));
        registrar.AddPlatform(new FakeHttpPlatform(registrar.Manifest.Id, url, timeout, registrar.Clock));
    }
}
