using MarketingOps.Core.Storage;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = MarketingOps.Core.Scheduling.SchedulingOptions;

namespace MarketingOps.Core.Scheduling;

/// <summary>Lists every problem in <see cref="SchedulingOptions"/>, cron expressions included, before any job runs.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    private readonly IOptionsMonitor<StorageOptions> _storage;
    private readonly IEnumerable<IRecurringWork> _work;

    public SchedulingOptionsValidator(IOptionsMonitor<StorageOptions> storage, IEnumerable<IRecurringWork> work)
    {
        _storage = storage;
        _work = work;
    }

    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        const string section = SchedulingOptions.SectionName;
        var failures = new List<string>();
        if (options.Clustered && _storage.CurrentValue.Kind != StorageKind.Postgres)
        {
            failures.Add($"{section}:{nameof(options.Clustered)} needs PostgreSQL: set {StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}. Two hosts can never share one SQLite file.");
        }

        if (options.MaxConcurrency < 1)
        {
            failures.Add($"{section}:{nameof(options.MaxConcurrency)} must be at least 1 (it is {options.MaxConcurrency}).");
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:{nameof(options.PollInterval)} must be at least 1 second (it is {options.PollInterval}).");
        }

        if (options.ClusterCheckinInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.ClusterCheckinInterval)} must be positive (it is {options.ClusterCheckinInterval}).");
        }

        var known = _work.Select(w => w.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.CronJobs.Count; i++)
        {
            var job = options.CronJobs[i];
            var field = $"{section}:{nameof(options.CronJobs)}:{i}";
            if (string.IsNullOrWhiteSpace(job.Name))
            {
                failures.Add($"{field}:{nameof(job.Name)} is empty.");
            }
            else if (!names.Add(job.Name))
            {
                failures.Add($"{field}:{nameof(job.Name)} '{job.Name}' is used by an earlier cron job.");
            }

            if (!CronExpression.TryParse(job.Cron, out _))
            {
                failures.Add($"{field}:{nameof(job.Cron)} '{job.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, for example '0 0/15 * * * ?').");
            }

            try
            {
                TimeZoneInfo.FindSystemTimeZoneById(job.TimeZone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
            {
                failures.Add($"{field}:{nameof(job.TimeZone)} '{job.TimeZone}' is not a known IANA time zone.");
            }

            if (!known.Contains(job.Work))
            {
                failures.Add($"{field}:{nameof(job.Work)} '{job.Work}' is not registered work; known: {(known.Count == 0 ? "none" : string.Join(", ", known.Order(StringComparer.Ordinal)))}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
