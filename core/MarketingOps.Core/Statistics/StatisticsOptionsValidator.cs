using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Statistics;

/// <summary>Collects every invalid setting of <see cref="StatisticsOptions"/>, by name.</summary>
internal sealed class StatisticsOptionsValidator : IValidateOptions<StatisticsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!(options.Alpha is > 0 and < 0.5))
        {
            failures.Add($"{nameof(StatisticsOptions.Alpha)} must be between 0 and 0.5 (was {options.Alpha}).");
        }

        if (!(options.SequentialTuning > 0))
        {
            failures.Add($"{nameof(StatisticsOptions.SequentialTuning)} must be positive (was {options.SequentialTuning}).");
        }

        if (options.Prior is { } prior && !(prior.Variance > 0 && double.IsFinite(prior.Mean)))
        {
            failures.Add($"{nameof(StatisticsOptions.Prior)} needs a finite mean and a positive variance (was N({prior.Mean}, {prior.Variance})).");
        }

        if (!(options.ChanceToBeatControlThreshold is > 0.5 and < 1))
        {
            failures.Add($"{nameof(StatisticsOptions.ChanceToBeatControlThreshold)} must be between 0.5 and 1 (was {options.ChanceToBeatControlThreshold}).");
        }

        if (options.MinimumUnitsPerArm < 2)
        {
            failures.Add($"{nameof(StatisticsOptions.MinimumUnitsPerArm)} must be at least 2 (was {options.MinimumUnitsPerArm}).");
        }

        if (options.MinimumEventsPerArm < 0)
        {
            failures.Add($"{nameof(StatisticsOptions.MinimumEventsPerArm)} must not be negative (was {options.MinimumEventsPerArm}).");
        }

        if (!(options.SrmPValueThreshold is > 0 and < 1))
        {
            failures.Add($"{nameof(StatisticsOptions.SrmPValueThreshold)} must be between 0 and 1 (was {options.SrmPValueThreshold}).");
        }

        if (!(options.SrmMinimumShareDeviation >= 0))
        {
            failures.Add($"{nameof(StatisticsOptions.SrmMinimumShareDeviation)} must not be negative (was {options.SrmMinimumShareDeviation}).");
        }

        if (!(options.SrmMinimumRelativeDeviation >= 0))
        {
            failures.Add($"{nameof(StatisticsOptions.SrmMinimumRelativeDeviation)} must not be negative (was {options.SrmMinimumRelativeDeviation}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
