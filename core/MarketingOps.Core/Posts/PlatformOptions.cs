using MarketingOps.Sdk;

namespace MarketingOps.Core.Posts;

/// <summary>
/// A post's platform options (Mastodon's visibility, X's reply settings, …): only those its platform declares are taken,
/// so an option the plugin would ignore is refused rather than dropped; the plugin's validation judges the values.
/// </summary>
public static class PlatformOptions
{
    /// <summary>The option the host itself sets on an experiment's posts, so a plugin can tell variants apart.</summary>
    public const string Variant = "variant";

    /// <summary>No options: one shared instance, so posts without options compare equal however they were made.</summary>
    public static IReadOnlyDictionary<string, string> None { get; } = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Every option of <paramref name="options"/> that <paramref name="platform"/> does not take, in words a user can act on.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string> options, PlatformDescriptor platform)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(platform);
        foreach (var (name, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (name == Variant)
            {
                yield return $"'{Variant}' is set by the host on an experiment's posts; it cannot be given.";
            }
            else if (!platform.Options.ContainsKey(name))
            {
                yield return platform.Options.Count == 0
                    ? $"'{name}' is not an option of {platform.DisplayName}, which takes none."
                    : $"'{name}' is not an option of {platform.DisplayName}; it takes {Describe(platform)}.";
            }
            else if (string.IsNullOrEmpty(value))
            {
                yield return $"'{name}' has no value; {name}: {platform.Options[name]}.";
            }
        }
    }

    /// <summary>The options as the plugin receives them: the user's, and the experiment variant when there is one.</summary>
    public static IReadOnlyDictionary<string, string> ForDraft(IReadOnlyDictionary<string, string> options, string? variant)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (variant is null)
        {
            return options;
        }

        // A variant is the host's own option; a user option of that name was refused before it got here.

        return new Dictionary<string, string>(options, StringComparer.Ordinal) { [Variant] = variant };
    }

    private static string Describe(PlatformDescriptor platform) =>
        string.Join("; ", platform.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} ({o.Value})"));
}
