using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Guardrails;

/// <summary>Checks <see cref="GuardrailOptions"/> at start-up and lists every problem, each naming its field.</summary>
internal sealed class GuardrailOptionsValidator : IValidateOptions<GuardrailOptions>
{
    public ValidateOptionsResult Validate(string? name, GuardrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = GuardrailOptions.SectionName;

        if (options.DuplicateWindow <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.DuplicateWindow)} must be positive (was {options.DuplicateWindow}).");
        }

        if (options.FanOutWindow <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.FanOutWindow)} must be positive (was {options.FanOutWindow}).");
        }

        if (options.NearDuplicateThreshold is <= 0 or > 1 || double.IsNaN(options.NearDuplicateThreshold))
        {
            failures.Add($"{section}:{nameof(options.NearDuplicateThreshold)} must be in (0, 1] (was {options.NearDuplicateThreshold}).");
        }

        if (options.IdenticalThreshold is <= 0 or > 1 || double.IsNaN(options.IdenticalThreshold))
        {
            failures.Add($"{section}:{nameof(options.IdenticalThreshold)} must be in (0, 1] (was {options.IdenticalThreshold}).");
        }
        else if (options.IdenticalThreshold < options.NearDuplicateThreshold)
        {
            failures.Add($"{section}:{nameof(options.IdenticalThreshold)} ({options.IdenticalThreshold}) must not be below {nameof(options.NearDuplicateThreshold)} ({options.NearDuplicateThreshold}).");
        }

        if (options.FanOutLimit < 1)
        {
            failures.Add($"{section}:{nameof(options.FanOutLimit)} must be at least 1 (was {options.FanOutLimit}).");
        }

        CheckCap(failures, nameof(options.PostsPerDay), options.PostsPerDay);
        CheckCap(failures, nameof(options.RepliesPerHour), options.RepliesPerHour);
        CheckCap(failures, nameof(options.DirectMessagesPerDay), options.DirectMessagesPerDay);

        if (options.QuietHoursStart.HasValue != options.QuietHoursEnd.HasValue)
        {
            failures.Add($"{section}:{nameof(options.QuietHoursStart)} and {nameof(options.QuietHoursEnd)} must both be set or both be empty.");
        }
        else if (options.QuietHoursStart.HasValue && options.QuietHoursStart == options.QuietHoursEnd)
        {
            failures.Add($"{section}:{nameof(options.QuietHoursEnd)} must differ from {nameof(options.QuietHoursStart)} ({options.QuietHoursStart:HH:mm}); leave both empty for no quiet hours.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCap(List<string> failures, string field, int? value)
    {
        if (value is < 1)
        {
            failures.Add($"{GuardrailOptions.SectionName}:{field} must be at least 1 when set (was {value}).");
        }
    }
}
