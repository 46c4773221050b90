using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Publishing.Holds;
using MarketingOps.Core.Publishing.Recovery;
using MarketingOps.Core.Publishing.Retries;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.TestDoubles;

/// <summary>
/// The publishing engine wired the way the host wires it, on a real SQLite store in a temp folder,
/// with fake time, a recording scheduler and a scripted platform; the guardrails, their history, rejections and audience
/// events, and the inbox all on that store.
/// </summary>
internal sealed class PublishingFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public PublishingFixture(ScriptedPlatform? platform = null, PublishingOptions? options = null, string instanceId = "test-host", bool approvalRequired = false, GuardrailOptions? guardrails = null, IPlatform? loaded = null, LinkOptions? links = null)
    {
        Time = new FakeTimeProvider(Start);
        Platform = platform ?? new ScriptedPlatform();
        var served = loaded ?? Platform;
        Account = new ClientAccount("acme", served.Descriptor.Id, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")) { ApprovalRequired = approvalRequired };
        Registry = new FakeRegistry().Add(Account).Add(served);
        Options = options ?? new PublishingOptions();
        Store = new SqlitePostStore(_folder.File("mops.db"), TimeSpan.FromSeconds(5), Time);
        Scheduler = new RecordingPublishScheduler();
        Instance = new HostInstance(instanceId);
        var monitor = new StaticOptionsMonitor<PublishingOptions>(Options);
        GuardrailOptions = guardrails ?? new GuardrailOptions();
        Audience = new SqlAudienceHistory(Store);
        Rejections = new SqlRejectionLog(Store);
        InboxStore = new SqlInboxStore(Store);
        Guardrails = new GuardrailPipeline(Registry, new PostStoreMessageHistory(Store), Audience, Rejections, Microsoft.Extensions.Options.Options.Create(GuardrailOptions), Time);
        IInbox? inbox = null;
        var lazyInbox = new Lazy<IInbox>(() => inbox!);
        Calls = new PlatformCalls(monitor, Time);
        LinkOptions = links ?? new LinkOptions();
        Links = new LinkStore(new LinkSchema(Store, Time), Time);
        var rewriting = new PostLinkRewriting(new LinkRewriter(Microsoft.Extensions.Options.Options.Create(LinkOptions)), Links);
        Posts = new PostService(Store, Registry, Scheduler, Guardrails, lazyInbox, Time, Calls, NullLogger<PostService>.Instance, rewriting);
        inbox = new InboxService(InboxStore, Guardrails, new PostServiceInboxPublisher(Posts), Policy, Registry, Time);
        Inbox = inbox;
        Executor = new PublishExecutor(Store, Registry, Scheduler, Time, monitor, Gate, new RetryBackoff(() => 42), Instance, Guardrails, Inbox, Calls, Holds, NullLogger<PublishExecutor>.Instance);
        Leases = new SqlHostLeases(Store);
        Recovery = new PublishingRecovery(Store, Leases, Scheduler, Executor, Inbox, Instance, Time, monitor, NullLogger<PublishingRecovery>.Instance);
    }

    public FakeTimeProvider Time { get; }

    internal AccountGate Gate { get; } = new();

    internal AccountHolds Holds { get; } = new();

    public ScriptedPlatform Platform { get; }

    public ClientAccount Account { get; }

    public FakeRegistry Registry { get; }

    public PublishingOptions Options { get; }

    public SqlitePostStore Store { get; }

    public RecordingPublishScheduler Scheduler { get; }

    public HostInstance Instance { get; }

    public PublishExecutor Executor { get; }

    public PublishingRecovery Recovery { get; }

    internal PlatformCalls Calls { get; }

    internal SqlHostLeases Leases { get; }

    public PostService Posts { get; }

    /// <summary>The client's link settings (off unless the test passes some).</summary>
    public LinkOptions LinkOptions { get; }

    /// <summary>Rewritten links and their clicks, on the same store.</summary>
    internal LinkStore Links { get; }

    public GuardrailOptions GuardrailOptions { get; }

    internal GuardrailPipeline Guardrails { get; }

    public SqlAudienceHistory Audience { get; }

    public SqlRejectionLog Rejections { get; }

    public SqlInboxStore InboxStore { get; }

    public IInbox Inbox { get; }

    /// <summary>Which workflow may send what unattended; set before the inbox is used. The default value is nothing.</summary>
    public SwitchablePolicy Policy { get; } = new();

    public string Folder => _folder.Path;

    /// <summary>
    /// Schedules a post <paramref name="after"/> from now (UTC) through <see cref="PostService"/>; without a text each
    /// call gets a different one, so the duplicate rule lets them all through.
    /// </summary>
    public async Task<Post> ScheduleAsync(TimeSpan after, string? text = null)
    {
        text ??= DistinctText.Next();
        var at = (Time.GetUtcNow() + after).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await Posts.ScheduleAsync(new ScheduleRequest(Account.Name, at, text), CancellationToken.None);
        return scheduled.Post;
    }

    /// <summary>Advances the clock to the post's trigger and fires it, as Quartz would.</summary>
    public async Task<Post?> FireAsync(string postId, bool recovering = false)
    {
        if (Scheduler.Triggers.TryGetValue(postId, out var at) && at > Time.GetUtcNow())
        {
            Time.SetUtcNow(at);
        }

        return await Executor.ExecuteAsync(postId, recovering, CancellationToken.None);
    }

    /// <summary>Fires whatever has a trigger, earliest first, as Quartz would, until nothing is left to fire.</summary>
    public async Task FireAllAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < 100 && !Scheduler.Triggers.IsEmpty; round++)
        {
            var (id, at) = Scheduler.Triggers.OrderBy(t => t.Value).First();
            if (at > Time.GetUtcNow())
            {
                Time.SetUtcNow(at);
            }

            Scheduler.Triggers.TryRemove(id, out _);
            await Executor.ExecuteAsync(id, false, cancellationToken);
        }
    }

    public async Task<Post> GetAsync(string id) => await Store.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException("no post " + id);

    public void Dispose()
    {
        Guardrails.Dispose();
        _folder.Dispose();
    }

    /// <summary>An unattended policy a test can change after the fixture is built.</summary>
    public sealed class SwitchablePolicy : IUnattendedPolicy
    {
        public IUnattendedPolicy Current { get; set; } = UnattendedPolicy.None;

        public bool AllowsUnattended(string source, Sdk.MessageKind kind) => Current.AllowsUnattended(source, kind);
    }

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
