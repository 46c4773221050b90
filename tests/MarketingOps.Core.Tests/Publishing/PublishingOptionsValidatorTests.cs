using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Tests.Publishing;

public sealed class PublishingOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new PublishingOptionsValidator().Validate(null, new PublishingOptions()).Succeeded);
        Assert.True(new StorageOptionsValidator().Validate(null, new StorageOptions()).Succeeded);
        Assert.True(SchedulingValidator(new StorageOptions()).Validate(null, new SchedulingOptions()).Succeeded);
    }

    [Fact]
    public void Every_publishing_problem_is_listed_with_its_setting()
    {
        var options = new PublishingOptions
        {
            MisfireGracePeriod = TimeSpan.Zero,
            RetryBaseDelay = TimeSpan.FromMinutes(5),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
            MaxTransientFailures = 0,
        };
        options.AccountBudgets["acme"] = [new RateBudgetOptions { Limit = 0, Window = TimeSpan.Zero }];

        var result = new PublishingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Publishing:MisfireGracePeriod", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Publishing:RetryMaxDelay", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Publishing:MaxTransientFailures", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Publishing:AccountBudgets:acme:0:Limit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Publishing:AccountBudgets:acme:0:Window", StringComparison.Ordinal));
        Assert.Equal(5, failures.Count);
    }

    [Fact]
    public void A_retry_delay_beyond_one_day_is_refused()
    {
        var options = new PublishingOptions { RetryMaxDelay = TimeSpan.FromDays(2) };

        var result = new PublishingOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures ?? [], f => f.StartsWith("Publishing:RetryMaxDelay (2.00:00:00) must be at most 1.00:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_scheduling_problem_is_listed_including_each_bad_cron_job()
    {
        var options = new SchedulingOptions
        {
            Clustered = true,
            MaxConcurrency = 0,
            CronJobs =
            [
                new CronJobOptions { Name = "metrics", Cron = "0 0/15 * * * ?", Work = "collect-metrics" },
                new CronJobOptions { Name = "metrics", Cron = "every day", TimeZone = "Mars/Base", Work = "nothing" },
            ],
        };

        var result = SchedulingValidator(new StorageOptions()).Validate(null, options);

        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Scheduling:Clustered needs PostgreSQL", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Scheduling:MaxConcurrency", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Scheduling:CronJobs:1:Name", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Scheduling:CronJobs:1:Cron 'every day'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Scheduling:CronJobs:1:TimeZone 'Mars/Base'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Scheduling:CronJobs:1:Work 'nothing'", StringComparison.Ordinal) && f.Contains("collect-metrics", StringComparison.Ordinal));
        Assert.Equal(6, failures.Count);
    }

    [Fact]
    public void Clustering_on_postgres_is_accepted()
    {
        var result = SchedulingValidator(new StorageOptions { ConnectionString = "Host=localhost;Database=mops" }).Validate(null, new SchedulingOptions { Clustered = true });
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_bad_connection_string_is_reported_without_its_value()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectionString = "Host=db;Pasword=hunter2", BusyTimeout = TimeSpan.Zero });
        var failures = result.Failures!.ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Storage:ConnectionString", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Storage:BusyTimeout", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kind_that_contradicts_the_connection_string_is_refused_and_an_unset_kind_follows_it()
    {
        var postgresWithoutServer = new StorageOptionsValidator().Validate(null, new StorageOptions { Kind = StorageKind.Postgres });
        Assert.StartsWith("Storage:Kind is Postgres but Storage:ConnectionString is not set", Assert.Single(postgresWithoutServer.Failures!), StringComparison.Ordinal);

        var sqliteWithServer = new StorageOptionsValidator().Validate(null, new StorageOptions { Kind = StorageKind.Sqlite, ConnectionString = "Host=db;Password=hunter2" });
        var failure = Assert.Single(sqliteWithServer.Failures!);
        Assert.StartsWith("Storage:Kind is Sqlite but Storage:ConnectionString is set", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);

        var followed = new StorageOptions { ConnectionString = "Host=db;Database=mops" };
        Assert.Equal(StorageKind.Postgres, followed.Kind);
        Assert.True(new StorageOptionsValidator().Validate(null, followed).Succeeded);
        Assert.Equal(StorageKind.Sqlite, new StorageOptions().Kind);
    }

    private static SchedulingOptionsValidator SchedulingValidator(StorageOptions storage) =>
        new(new Monitor<StorageOptions>(storage), [new NamedWork("collect-metrics")]);

    private sealed class NamedWork(string name) : IRecurringWork
    {
        public string Name => name;

        public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Monitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
