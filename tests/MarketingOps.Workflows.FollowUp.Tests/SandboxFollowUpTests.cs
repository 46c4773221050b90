using System.Text;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Plugins.Sandbox;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using MarketingOps.Workflows.FollowUp.Tests.Doubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Workflows.FollowUp.Tests;

/// <summary>The workflow on the real sandbox network, the real guardrails and the real inbox.</summary>
public sealed class SandboxFollowUpTests
{
    private const string Source = "followup/follow-up";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_workflow_fills_the_inbox_and_nothing_reaches_the_network_until_a_person_approves()
    {
        var token = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        var sandbox = CreateSandbox(clock);
        using var services = Services(clock, sandbox);
        var inbox = services.GetRequiredService<IInbox>();
        var workflow = CreateWorkflow();

        clock.Advance(TimeSpan.FromHours(8));
        await workflow.RunAsync(Context(services, clock, previousRunAt: null), token);

        var items = await inbox.ListAsync(null, token);
        foreach (var item in items)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{item.Trigger} -> {item.Draft.Kind} \"{item.Draft.Text}\" [{item.Verdict.Summary}]");
        }

        Assert.NotEmpty(items);
        Assert.Empty(sandbox.Published);
        Assert.All(items, item =>
        {
            Assert.Equal(InboxItemStatus.Pending, item.Status);
            Assert.Equal(Source, item.Source);
            Assert.False(string.IsNullOrWhiteSpace(item.Trigger));
            Assert.NotNull(item.TriggerEventId);
            Assert.NotNull(item.Draft.Recipient);
            Assert.NotEmpty(item.Verdict.Results);
        });

        // Messages to new followers are welcome messages: on the sandbox (X's rules by default) they need a person.
        var welcome = items.FirstOrDefault(i => i.Trigger.StartsWith("new follower", StringComparison.Ordinal));
        if (welcome is not null)
        {
            Assert.Contains(welcome.Verdict.Results, r => r.Rule == "welcome-message" && r.Outcome == GuardrailOutcome.NeedsApproval);
        }

        // A second run over the same hours proposes nothing new: one event, one proposal.
        clock.Advance(TimeSpan.FromMinutes(15));
        await workflow.RunAsync(Context(services, clock, previousRunAt: Start.AddHours(8)), token);
        var again = await inbox.ListAsync(null, token);
        Assert.Equal(again.Count, again.Select(i => i.TriggerEventId).Distinct().Count());
        Assert.Empty(sandbox.Published);

        var chosen = again.First(i => i.Verdict.Outcome != GuardrailOutcome.Reject);
        var result = await inbox.ApproveAsync(chosen.Id, "maria", chosen.Draft.Text + " (edited by Maria)", token);

        Assert.True(result.Published);
        var published = Assert.Single(sandbox.Published);
        Assert.EndsWith("(edited by Maria)", published.Draft.Text, StringComparison.Ordinal);
        Assert.Equal(chosen.Draft.Recipient, published.Draft.Recipient);
    }

    private static CountingPlatform CreateSandbox(TimeProvider clock)
    {
        var platforms = new List<IPlatform>();
        var manifest = new PluginManifest("sandbox", "1.0.0", "[1.0,2.0)", "MarketingOps.Plugins.Sandbox.dll", PluginKind.Platform);
        var registrar = new WorkflowRegistrar(
            Config("""{ "seed": 11, "audience": { "followsPerHour": 2, "mentionsPerHour": 1, "messagesPerHour": 1 } }"""),
            [],
            [new PluginAccount("acme", "Europe/Paris", Config("""{ "followers": 1000 }"""))],
            clock,
            manifest);
        new SandboxEntryPoint().Register(registrar);
        return new CountingPlatform(Assert.Single(registrar.Platforms));
    }

    private static ServiceProvider Services(FakeTimeProvider clock, CountingPlatform sandbox)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IPlatformRegistry>(new FakeRegistry([new ClientAccount("acme", "sandbox", TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))], [sandbox]));
        services.AddInMemoryGuardrailStores().AddGuardrails(o => (o.QuietHoursStart, o.QuietHoursEnd) = (null, null));
        services.AddInMemoryInboxStore().AddInbox();
        services.AddSingleton<IInboxPublisher>(sp => new PlatformPublisher(sandbox, sp.GetRequiredService<IGuardrails>(), clock));
        return services.BuildServiceProvider();
    }

    private static InboxWorkflowContext Context(IServiceProvider services, TimeProvider clock, DateTimeOffset? previousRunAt) => new(
        Source,
        services.GetRequiredService<IInbox>(),
        services.GetRequiredService<IPlatformRegistry>(),
        services.GetRequiredService<IAudienceHistory>(),
        clock,
        NullLogger.Instance,
        clock.GetUtcNow(),
        previousRunAt);

    private static IWorkflow CreateWorkflow()
    {
        var workflows = new List<IWorkflow>();
        new FollowUpEntryPoint().Register(new WorkflowRegistrar(Config("{}"), workflows));
        return Assert.Single(workflows);
    }

    private static IConfiguration Config(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
