using MarketingOps.Core.Publishing.Retries;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Publishing;

/// <summary>Lists every problem in <see cref="PublishingOptions"/>, each naming its setting.</summary>
internal sealed class PublishingOptionsValidator : IValidateOptions<PublishingOptions>
{
    public ValidateOptionsResult Validate(string? name, PublishingOptions options)
    {
        var failures = new List<string>();
        void Positive(TimeSpan value, string field)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{PublishingOptions.SectionName}:{field} must be positive (it is {value}).");
            }
        }

        Positive(options.MisfireGracePeriod, nameof(options.MisfireGracePeriod));
        Positive(options.RetryBaseDelay, nameof(options.RetryBaseDelay));
        Positive(options.RetryMaxDelay, nameof(options.RetryMaxDelay));
        Positive(options.PublishTimeout, nameof(options.PublishTimeout));
        Positive(options.LookupTimeout, nameof(options.LookupTimeout));
        Positive(options.RateLimitFallbackDelay, nameof(options.RateLimitFallbackDelay));
        Positive(options.AccountBusyDelay, nameof(options.AccountBusyDelay));
        Positive(options.CredentialsRecheckInterval, nameof(options.CredentialsRecheckInterval));
        Positive(options.StaleClaimAfter, nameof(options.StaleClaimAfter));
        Positive(options.SweepInterval, nameof(options.SweepInterval));
        Positive(options.HeartbeatInterval, nameof(options.HeartbeatInterval));
        Positive(options.LeaseDuration, nameof(options.LeaseDuration));
        if (options.KeyExpiryMargin < TimeSpan.Zero)
        {
            failures.Add($"{PublishingOptions.SectionName}:{nameof(options.KeyExpiryMargin)} must not be negative (it is {options.KeyExpiryMargin}).");
        }

        if (options.LeaseDuration < options.HeartbeatInterval * 2)
        {
            failures.Add($"{PublishingOptions.SectionName}:{nameof(options.LeaseDuration)} ({options.LeaseDuration}) must be at least twice {nameof(options.HeartbeatInterval)} ({options.HeartbeatInterval}), or one late heartbeat would make a live host look gone.");
        }
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{PublishingOptions.SectionName}:{nameof(options.RetryMaxDelay)} ({options.RetryMaxDelay}) must not be shorter than {nameof(options.RetryBaseDelay)} ({options.RetryBaseDelay}).");
        }

        if (options.RetryMaxDelay > RetryBackoff.LongestDelay)
        {
            failures.Add($"{PublishingOptions.SectionName}:{nameof(options.RetryMaxDelay)} ({options.RetryMaxDelay}) must be at most {RetryBackoff.LongestDelay} (Polly's limit for a retry delay).");
        }

        if (options.MaxTransientFailures < 1)
        {
            failures.Add($"{PublishingOptions.SectionName}:{nameof(options.MaxTransientFailures)} must be at least 1 (it is {options.MaxTransientFailures}).");
        }

        if (options.StaleClaimAfter <= options.PublishTimeout + options.LookupTimeout)
        {
            failures.Add($"{PublishingOptions.SectionName}:{nameof(options.StaleClaimAfter)} ({options.StaleClaimAfter}) must be longer than {nameof(options.PublishTimeout)} + {nameof(options.LookupTimeout)}, or a live publish could be reconciled by another node.");
        }

        foreach (var (account, budgets) in options.AccountBudgets)
        {
            for (var i = 0; i < budgets.Count; i++)
            {
                var field = $"{PublishingOptions.SectionName}:{nameof(options.AccountBudgets)}:{account}:{i}";
                if (budgets[i].Limit < 1)
                {
                    failures.Add($"{field}:{nameof(RateBudgetOptions.Limit)} must be at least 1 (it is {budgets[i].Limit}).");
                }

                if (budgets[i].Window <= TimeSpan.Zero)
                {
                    failures.Add($"{field}:{nameof(RateBudgetOptions.Window)} must be positive (it is {budgets[i].Window}).");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
