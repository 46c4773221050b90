using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>Reads typed values from one configuration section, recording a problem named by its full key for each bad one.</summary>
internal sealed class SettingsSection(IConfiguration section, string prefix, List<SettingsProblem> problems)
{
    public IConfiguration Configuration => section;

    public string KeyOf(string name) => prefix.Length == 0 ? name : name.Length == 0 ? prefix : $"{prefix}:{name}";

    public void Problem(string name, string message) => problems.Add(new SettingsProblem(KeyOf(name), message));

    public SettingsSection Child(string name) => new(section.GetSection(name), KeyOf(name), problems);

    public bool Has(string name) => section.GetSection(name).Exists();

    /// <summary>Flags keys nobody reads, so a typo such as <c>seeed</c> is not silently ignored.</summary>
    public void RejectUnknown(params ReadOnlySpan<string> known)
    {
        var names = known.ToArray();
        foreach (var child in section.GetChildren())
        {
            if (!names.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                Problem(child.Key, $"Unknown setting; expected one of: {string.Join(", ", names)}.");
            }
        }
    }

    public long Integer(string name, long fallback, long min, long max)
    {
        var raw = Scalar(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problem(name, $"Must be a whole number from {min} to {max}; got '{raw}'.");
            return fallback;
        }

        return value;
    }

    public double Number(string name, double fallback, double min, double max, bool minExclusive = false)
    {
        var raw = Scalar(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value > max || value < min || (minExclusive && value <= min))
        {
            var lower = minExclusive ? $"greater than {Format(min)}" : $"at least {Format(min)}";
            Problem(name, $"Must be a number {lower} and at most {Format(max)}; got '{raw}'.");
            return fallback;
        }

        return value;
    }

    public bool Boolean(string name, bool fallback)
    {
        var raw = Scalar(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!bool.TryParse(raw, out var value))
        {
            Problem(name, $"Must be true or false; got '{raw}'.");
            return fallback;
        }

        return value;
    }

    public string? Text(string name)
    {
        var raw = Scalar(name);
        if (raw is not null && string.IsNullOrWhiteSpace(raw))
        {
            Problem(name, "Must not be empty.");
            return null;
        }

        return raw;
    }

    /// <summary>The value of a scalar setting, or null when absent; an object or list where a value belongs is a problem.</summary>
    private string? Scalar(string name)
    {
        var child = section.GetSection(name);
        if (child.Value is not null)
        {
            return child.Value;
        }

        if (child.GetChildren().Any())
        {
            Problem(name, "Must be a single value, not an object or a list.");
        }

        return null;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
