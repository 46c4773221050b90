using MarketingOps.Core.Accounts;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.Storage;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Core.Tests.Workflows;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Core.Tests.Scheduling;

/// <summary>The engine as <c>mops run</c> wires it: real Quartz on a real SQLite schedule, real time, a scripted platform.</summary>
public sealed class QuartzEngineTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();
    private readonly ScriptedPlatform _platform = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scheduled_post_is_published_by_quartz_at_its_time()
    {
        await using var engine = await StartAsync();
        var post = await ScheduleInAsync(engine, TimeSpan.FromSeconds(1));

        var published = await WaitForAsync(engine, post.Id, PostState.Published);

        Assert.Equal("p1", published.PlatformPostId);
        Assert.Single(_platform.PublishCalls);
    }

    [Fact]
    public async Task A_rate_limited_post_is_rescheduled_through_quartz_and_then_published()
    {
        _platform.ThenFail(PlatformErrorKind.RateLimited, "429", TimeProvider.System.GetUtcNow().AddSeconds(3));
        await using var engine = await StartAsync();
        var post = await ScheduleInAsync(engine, TimeSpan.FromSeconds(1));

        await WaitForAsync(engine, post.Id, PostState.Published);

        Assert.Equal([1, 2], _platform.PublishCalls.Select(c => c.Attempt));
    }

    [Fact]
    public async Task A_clustered_engine_on_postgres_publishes_through_quartz()
    {
        var server = await TestPostgres.RequireAsync();
        var schema = "mops_q_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync(Ct);
            await using var command = new Npgsql.NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
            await using var engine = await StartAsync(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Scheduling:Clustered"] = "true",
                ["Scheduling:ClusterCheckinInterval"] = "00:00:01",
            });
            var post = await ScheduleInAsync(engine, TimeSpan.FromSeconds(1));

            await WaitForAsync(engine, post.Id, PostState.Published);
            Assert.Single(_platform.PublishCalls);
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(server);
            await connection.OpenAsync(Ct);
            await using var command = new Npgsql.NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }

    [Fact]
    public async Task The_schedule_survives_a_restart()
    {
        string id;
        await using (var first = await StartAsync())
        {
            id = (await ScheduleInAsync(first, TimeSpan.FromSeconds(4))).Id;
        }

        Assert.Empty(_platform.PublishCalls);
        await using var second = await StartAsync();
        await WaitForAsync(second, id, PostState.Published);
        Assert.Single(_platform.PublishCalls);
    }

    [Fact]
    public async Task A_second_engine_on_the_same_sqlite_file_is_refused()
    {
        await using var first = await StartAsync();

        var ex = await Assert.ThrowsAsync<StoreLockedException>(() => StartAsync());

        Assert.Contains(Path.Combine(_folder.Path, "data", "mops.db"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cron_jobs_from_configuration_run_their_work()
    {
        var work = new CountingWork();
        await using var engine = await StartAsync(
            new Dictionary<string, string?>
            {
                ["Scheduling:CronJobs:0:Name"] = "tick",
                ["Scheduling:CronJobs:0:Cron"] = "0/1 * * * * ?",
                ["Scheduling:CronJobs:0:Work"] = "count",
            },
            services => services.AddSingleton<IRecurringWork>(work));

        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (work.Runs < 2 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(work.Runs >= 2, $"ran {work.Runs} times");
    }

    [Fact]
    public async Task Workflows_run_as_recurring_jobs_one_at_a_time_and_only_fill_the_inbox()
    {
        var workflow = new ProposingWorkflow("digest") { Duration = TimeSpan.FromSeconds(1.5) };
        var broken = new ProposingWorkflow("broken", "every now and then");
        var catalog = new FakeWorkflowCatalog()
            .Add(workflow, settings: new WorkflowEntry("0/1 * * * * ?", []))
            .Add(broken);
        await using var engine = await StartAsync(configure: services =>
        {
            services.AddSingleton<IWorkflowCatalog>(catalog);
            services.AddMarketingOpsWorkflows();
        });

        // A run counts itself before it proposes: wait for the proposals, not the counter.
        var inbox = engine.Provider.GetRequiredService<IInbox>();
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while ((await inbox.ListAsync(null, Ct)).Count < 2 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(workflow.Runs >= 2, $"ran {workflow.Runs} times");
        Assert.False(workflow.Overlapped);
        Assert.Equal(0, broken.Runs);
        var items = await inbox.ListAsync(null, Ct);
        Assert.True(items.Count >= 2);
        Assert.All(items, i => Assert.Equal((InboxItemStatus.Pending, "followup/digest"), (i.Status, i.Source)));
        Assert.Empty(_platform.PublishCalls);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<Engine> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var registry = new FakeRegistry()
            .Add(new ClientAccount("acme", _platform.Descriptor.Id, TimeZoneInfo.Utc))
            .Add(_platform);
        var values = new Dictionary<string, string?> { ["Scheduling:PollInterval"] = "00:00:01" };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPlatformRegistry>(registry);
        configure?.Invoke(services);
        services.AddMarketingOpsPublishing(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), _folder.Path);
        services.AddMarketingOpsPublishingEngine();
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<SchedulerHostedService>().Single();
        try
        {
            await hosted.StartAsync(Ct);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return new Engine(provider, hosted);
    }

    private static async Task<Post> ScheduleInAsync(Engine engine, TimeSpan after)
    {
        var at = TimeProvider.System.GetUtcNow().Add(after).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var result = await engine.Provider.GetRequiredService<PostService>().ScheduleAsync(new ScheduleRequest("acme", at, "Hello from Quartz"), Ct);
        return result.Post;
    }

    private static async Task<Post> WaitForAsync(Engine engine, string id, PostState state)
    {
        var store = engine.Provider.GetRequiredService<IPostStore>();
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        Post? post;
        do
        {
            post = await store.GetAsync(id, Ct);
            if (post?.State == state)
            {
                return post;
            }

            await Task.Delay(100, Ct);
        }
        while (TimeProvider.System.GetUtcNow() < deadline);

        throw new Xunit.Sdk.XunitException($"post {id} is {post?.State} ({post?.LastError}), not {state}, after {Patience}");
    }

    private sealed class CountingWork : IRecurringWork
    {
        private int _runs;

        public string Name => "count";

        public int Runs => Volatile.Read(ref _runs);

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }

    private sealed class Engine(ServiceProvider provider, SchedulerHostedService hosted) : IAsyncDisposable
    {
        public ServiceProvider Provider => provider;

        public async ValueTask DisposeAsync()
        {
            await hosted.StopAsync(CancellationToken.None);
            await provider.DisposeAsync();
        }
    }
}
