using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Core.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Core.Tests.Workflows;

public sealed class WorkflowWorkSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_enabled_workflow_is_work_on_its_configured_schedule_or_its_default()
    {
        using var fixture = new PublishingFixture();
        var catalog = new FakeWorkflowCatalog()
            .Add(new ProposingWorkflow("digest"), settings: new WorkflowEntry("0 0/5 * * * ?", []))
            .Add(new ProposingWorkflow("thanks", "0 0 12 * * ?"))
            .Add(new ProposingWorkflow("off"), settings: new WorkflowEntry(null, [], Enabled: false));

        var work = Source(fixture, catalog).GetWork();

        Assert.Equal(
            [("workflow:followup/digest", "0 0/5 * * * ?"), ("workflow:followup/thanks", "0 0 12 * * ?")],
            work.Select(w => (w.Job.Name, w.Job.Cron)));
        Assert.All(work, w => Assert.Equal((w.Job.Name, "UTC"), (w.Work.Name, w.Job.TimeZone)));
    }

    [Fact]
    public async Task A_run_fills_the_inbox_under_the_plugin_and_workflow_name_and_sends_nothing()
    {
        using var fixture = new PublishingFixture();
        var workflow = new ProposingWorkflow();
        var work = Assert.Single(Source(fixture, new FakeWorkflowCatalog().Add(workflow)).GetWork()).Work;
        var due = PublishingFixture.Start;

        await work.RunAsync(new RecurringRun(due, due.AddDays(-1)), Ct);

        var item = Assert.Single(await fixture.Inbox.ListAsync(null, Ct));
        Assert.Equal((InboxItemStatus.Pending, "followup/digest", "acme"), (item.Status, item.Source, item.Account));
        Assert.Equal((due, (DateTimeOffset?)due.AddDays(-1)), Assert.Single(workflow.Seen));
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_workflow_gone_since_scheduling_is_skipped()
    {
        using var fixture = new PublishingFixture();
        var catalog = new FakeWorkflowCatalog().Add(new ProposingWorkflow());
        var work = Assert.Single(Source(fixture, catalog).GetWork()).Work;
        catalog.Clear();

        await work.RunAsync(Ct);

        Assert.Empty(await fixture.Inbox.ListAsync(null, Ct));
    }

    [Fact]
    public async Task A_workflow_does_not_run_for_an_account_whose_platform_is_not_active_and_says_so_once()
    {
        using var fixture = new PublishingFixture();
        var workflow = new ProposingWorkflow();
        var logs = new CountingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var work = Assert.Single(new WorkflowWorkSource(new FakeWorkflowCatalog().Add(workflow), fixture.Inbox, fixture.Registry, fixture.Audience, loggers, fixture.Time).GetWork()).Work;
        fixture.Registry.RemovePlatform("fake");

        await work.RunAsync(Ct);
        await work.RunAsync(Ct);

        Assert.Empty(await fixture.Inbox.ListAsync(null, Ct));
        Assert.Equal(2, workflow.Runs);
        Assert.Equal(1, logs.Count(m => m.Contains("does not run for account acme", StringComparison.Ordinal)));
    }

    private sealed class CountingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public int Count(Func<string, bool> match) => _messages.Count(match);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }

    private static WorkflowWorkSource Source(PublishingFixture fixture, IWorkflowCatalog catalog) =>
        new(catalog, fixture.Inbox, fixture.Registry, fixture.Audience, NullLoggerFactory.Instance, fixture.Time);
}
