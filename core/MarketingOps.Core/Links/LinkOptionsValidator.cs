using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Links;

/// <summary>Lists every problem in <see cref="LinkOptions"/>, each naming its setting.</summary>
internal sealed class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = LinkOptions.SectionName;
        if (options.ShortBaseUrl is { Length: > 0 } text)
        {
            if (options.ShortBase is not { } uri)
            {
                failures.Add($"{section}:{nameof(options.ShortBaseUrl)} must be an absolute http(s) URL such as https://go.example.com (it is '{text}').");
            }
            else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                failures.Add($"{section}:{nameof(options.ShortBaseUrl)} must have no query or fragment (it is '{text}'); short links are BASE/l/CODE.");
            }
        }

        if (options.Medium is not { Length: > 0 } || options.Medium.Any(char.IsWhiteSpace))
        {
            failures.Add($"{section}:{nameof(options.Medium)} must be one word such as 'social' (it is '{options.Medium}').");
        }

        if (options.Campaign is { } campaign && campaign.Trim().Length == 0)
        {
            failures.Add($"{section}:{nameof(options.Campaign)} must not be blank; leave it out for no campaign.");
        }

        for (var i = 0; i < options.Exclude.Count; i++)
        {
            if (LinkExclusion.Problem(options.Exclude[i]) is { } problem)
            {
                failures.Add($"{section}:{nameof(options.Exclude)}:{i} {problem}");
            }
        }

        for (var i = 0; i < options.BotUserAgents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.BotUserAgents[i]))
            {
                failures.Add($"{section}:{nameof(options.BotUserAgents)}:{i} must not be blank.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
