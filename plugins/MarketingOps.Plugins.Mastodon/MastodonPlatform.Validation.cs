using System.Text.Json;
using System.Text.RegularExpressions;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Mastodon;

internal sealed partial class MastodonPlatform
{
    private static readonly string[] Visibilities = ["public", "unlisted", "private", "direct"];

    public DraftValidation Validate(PostDraft draft) => Validate(draft, MastodonInstance.Default);

    public async Task<DraftValidation> ValidateAsync(string account, PostDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return _accounts.TryGetValue(account, out var mastodon)
            ? Validate(draft, await InstanceAsync(mastodon, cancellationToken))
            : Validate(draft);
    }

    private static DraftValidation Validate(PostDraft draft, MastodonInstance instance)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        var length = MastodonTextLength.Count(draft.Text, instance.CharactersReservedPerUrl);
        var spoiler = draft.Options.TryGetValue("spoiler_text", out var cw) ? MastodonTextLength.Count(cw, instance.CharactersReservedPerUrl) : 0;
        if (length + spoiler > instance.MaxCharacters)
        {
            var allows = instance.Fallback is { } why
                ? $"Mastodon's default of {instance.MaxCharacters} applies because {why}"
                : $"this instance allows {instance.MaxCharacters}";
            problems.Add($"The status counts {length + spoiler} characters (content warning included, URLs as {instance.CharactersReservedPerUrl}, mentions of other instances as @user); {allows}.");
        }

        if (string.IsNullOrWhiteSpace(draft.Text) && draft.Media.Count == 0)
        {
            problems.Add("A Mastodon status needs text or media.");
        }

        if (draft.Media.Count > instance.MaxMediaAttachments)
        {
            problems.Add($"This instance allows at most {instance.MaxMediaAttachments} attachments; this draft has {draft.Media.Count}.");
        }

        if (draft.Options.TryGetValue("visibility", out var visibility) && !Visibilities.Contains(visibility, StringComparer.Ordinal))
        {
            problems.Add($"visibility must be one of {string.Join(", ", Visibilities)}; '{visibility}' is not.");
        }

        if (draft.Options.TryGetValue("sensitive", out var sensitive) && sensitive is not ("true" or "false"))
        {
            problems.Add($"sensitive must be true or false; '{sensitive}' is not.");
        }

        if (draft.Options.TryGetValue("language", out var language) && !LanguageCode().IsMatch(language))
        {
            problems.Add($"language must be an ISO 639 code such as en or de; '{language}' is not.");
        }

        if (draft.Kind == MessageKind.DirectMessage)
        {
            problems.Add("The Mastodon plugin does not send direct messages.");
        }

        return new DraftValidation(length + spoiler, instance.MaxCharacters, problems);
    }

    /// <summary>The instance's limits from /api/v2/instance, read once per instance; Mastodon's defaults when it cannot be read.</summary>
    private async Task<MastodonInstance> InstanceAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        if (_instances.TryGetValue(account.InstanceUrl, out var known))
        {
            return known;
        }

        var (response, error) = await SendAsync(account, HttpMethod.Get, "api/v2/instance", null, cancellationToken, authenticate: false);
        if (response is not { IsSuccess: true })
        {
            // Not cached: the next check asks again, so a passing outage does not pin the default.
            var why = error?.Message ?? $"HTTP {response!.Status}";
            _logger.LogWarning("Mastodon instance {Instance} did not give its limits ({Reason}); Mastodon's defaults apply", account.InstanceUrl, why);
            return MastodonInstance.Default with { Fallback = $"{account.InstanceUrl.Authority} did not give its own limit (GET /api/v2/instance: {why})" };
        }

        using var document = JsonDocument.Parse(response.Body);
        var statuses = document.RootElement.TryGetProperty("configuration", out var configuration) && configuration.TryGetProperty("statuses", out var s) ? s : default;
        int Read(string name, int fallback) =>
            statuses.ValueKind == JsonValueKind.Object && statuses.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : fallback;
        var instance = new MastodonInstance(
            Read("max_characters", MastodonInstance.Default.MaxCharacters),
            Read("characters_reserved_per_url", MastodonInstance.Default.CharactersReservedPerUrl),
            Read("max_media_attachments", MastodonInstance.Default.MaxMediaAttachments));
        return _instances.GetOrAdd(account.InstanceUrl, instance);
    }

    [GeneratedRegex("^[a-z]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
