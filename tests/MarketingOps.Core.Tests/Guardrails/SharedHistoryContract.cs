using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Guardrails;

/// <summary>
/// Two processes (two stores, guardrail pipelines and post services) on one database: what one schedules or
/// cancels is seen by the other's next check, without a restart. Run once per database.
/// </summary>
public abstract class SharedHistoryContract
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private const string Sale = "Our spring sale starts today: 20% off everything in the shop until Sunday.";

    private readonly FakeTimeProvider _time = new(Start);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store on the database every call of this test instance shares.</summary>
    internal abstract Task<AdoPostStore> OpenSharedStoreAsync(TimeProvider time);

    [Fact]
    public async Task A_near_duplicate_scheduled_by_another_process_is_refused_by_the_next_check()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();
        await a.ScheduleAsync(TimeSpan.FromHours(1), "Warm-up post about something else entirely, loaded before B writes.");

        var fromB = await b.ScheduleAsync(TimeSpan.FromHours(2), Sale);

        var ex = await Assert.ThrowsAsync<PostRefusedException>(() => a.ScheduleAsync(TimeSpan.FromHours(3), Sale.ToUpperInvariant() + " !"));
        var duplicate = Assert.Single(ex.Verdict.Concerns);
        Assert.Equal((GuardrailRuleNames.DuplicateContent, fromB.Id), (duplicate.Rule, duplicate.Match?.MessageId));
    }

    [Fact]
    public async Task The_check_right_before_sending_sees_a_duplicate_written_by_another_process_after_start()
    {
        var a = await NodeAsync();
        var mine = await a.ScheduleAsync(TimeSpan.FromHours(3), Sale);
        var b = await NodeAsync();

        // Another process (an import, an older version, a race on another node) stores a copy without asking A.
        var copy = await b.Store.InsertAsync(NewPost(Start.AddHours(1), Sale + " "), "scheduled elsewhere", Ct);

        var verdict = await a.Guardrails.CheckAsync(mine.ToMessage(Start.AddHours(3)), Ct);
        Assert.Equal(GuardrailOutcome.Reject, verdict.Outcome);
        Assert.Equal(copy.Id, verdict.Results.Single(r => r.Rule == GuardrailRuleNames.DuplicateContent).Match?.MessageId);
    }

    [Fact]
    public async Task Posts_scheduled_by_another_process_count_towards_the_cap()
    {
        var options = new GuardrailOptions { PostsPerDay = 2 };
        var a = await NodeAsync(options);
        var b = await NodeAsync(options);
        await a.ScheduleAsync(TimeSpan.FromHours(1));

        await b.ScheduleAsync(TimeSpan.FromHours(2));

        var ex = await Assert.ThrowsAsync<PostRefusedException>(() => a.ScheduleAsync(TimeSpan.FromHours(3)));
        Assert.Equal(GuardrailRuleNames.AccountCaps, Assert.Single(ex.Verdict.Concerns).Rule);
    }

    [Fact]
    public async Task A_post_cancelled_by_another_process_stops_counting()
    {
        var options = new GuardrailOptions { PostsPerDay = 2 };
        var a = await NodeAsync(options);
        var b = await NodeAsync(options);
        await a.ScheduleAsync(TimeSpan.FromHours(1));
        var fromB = await b.ScheduleAsync(TimeSpan.FromHours(2), Sale);
        await Assert.ThrowsAsync<PostRefusedException>(() => a.ScheduleAsync(TimeSpan.FromHours(3), Sale));

        await b.Posts.CancelAsync(fromB.Id, Ct);

        var again = await a.ScheduleAsync(TimeSpan.FromHours(3), Sale);
        Assert.Equal(PostState.Scheduled, again.State);
        Assert.DoesNotContain(a.Guardrails.Ledger.InRange("acme", Sdk.MessageKind.Post, Start, Start.AddDays(1)), e => e.Id == fromB.Id);
    }

    [Fact]
    public async Task The_start_up_load_reads_only_the_window_the_rules_look_at()
    {
        var writer = await NodeAsync();
        var options = new GuardrailOptions();
        await writer.Store.InsertAsync(NewPost(Start - options.DuplicateWindow - TimeSpan.FromDays(1), Sale), "long ago", Ct);
        var recent = await writer.Store.InsertAsync(NewPost(Start - TimeSpan.FromDays(2), "Something recent and different about our opening hours."), "lately", Ct);
        var dropped = await writer.Store.InsertAsync(NewPost(Start + TimeSpan.FromDays(1), "A post nobody will see, cancelled."), "planned", Ct);
        var cancelled = await writer.Store.TryTransitionAsync(dropped, dropped with { State = PostState.Cancelled }, "dropped", Ct);

        var history = new List<OutgoingMessage>();
        await foreach (var message in new PostStoreMessageHistory(writer.Store).ReadSinceAsync(Start - options.DuplicateWindow, Ct))
        {
            history.Add(message);
        }

        Assert.Equal([recent.Id], history.Select(m => m.Id));
        Assert.Equal(PostState.Cancelled, cancelled?.State);
        Assert.DoesNotContain(dropped.Id, history.Select(m => m.Id));
        var reader = await NodeAsync(options);
        var allowed = await reader.ScheduleAsync(TimeSpan.FromHours(1), Sale);
        Assert.Equal(PostState.Scheduled, allowed.State);
        Assert.Equal(2, reader.Guardrails.Ledger.Count);
    }

    private static Post NewPost(DateTimeOffset due, string text)
    {
        var id = Guid.NewGuid().ToString("N");
        return new Post(id, "acme", text, due, PostState.Scheduled, "mops-" + id) { DueAt = due, CreatedAt = due, UpdatedAt = due };
    }

    private async Task<Node> NodeAsync(GuardrailOptions? options = null)
    {
        var store = await OpenSharedStoreAsync(_time);
        await store.InitializeAsync(Ct);
        return new Node(store, _time, options ?? new GuardrailOptions());
    }

    private sealed class Node
    {
        public Node(AdoPostStore store, FakeTimeProvider time, GuardrailOptions options)
        {
            Store = store;
            Time = time;
            var platform = new ScriptedPlatform();
            var registry = new FakeRegistry().Add(new ClientAccount("acme", platform.Descriptor.Id, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))).Add(platform);
            Guardrails = new GuardrailPipeline(registry, new PostStoreMessageHistory(store), new SqlAudienceHistory(store), new SqlRejectionLog(store), Options.Create(options), time);
            Posts = new PostService(store, registry, new RecordingPublishScheduler(), Guardrails, new Lazy<IInbox>(() => throw new InvalidOperationException("no inbox in this test")), time, new MarketingOps.Core.Publishing.PlatformCalls(new OptionsMonitorStub(), time), NullLogger<PostService>.Instance);
        }

        public AdoPostStore Store { get; }

        public FakeTimeProvider Time { get; }

        public GuardrailPipeline Guardrails { get; }

        public PostService Posts { get; }

        public async Task<Post> ScheduleAsync(TimeSpan after, string? text = null)
        {
            var at = (Time.GetUtcNow() + after).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return (await Posts.ScheduleAsync(new ScheduleRequest("acme", at, text ?? DistinctText.Next()), Ct)).Post;
        }
    }
}

/// <summary>Default publishing options, for a PostService that never looks a post up here.</summary>
internal sealed class OptionsMonitorStub : IOptionsMonitor<MarketingOps.Core.Publishing.PublishingOptions>
{
    public MarketingOps.Core.Publishing.PublishingOptions CurrentValue { get; } = new();

    public MarketingOps.Core.Publishing.PublishingOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<MarketingOps.Core.Publishing.PublishingOptions, string?> listener) => null;
}
