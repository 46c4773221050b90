using MarketingOps.Core.Accounts;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.TestDoubles;

/// <summary>
/// The publishing engine wired the way the host wires it, on a real SQLite store in a temp folder,
/// with fake time, a recording scheduler and a scripted platform.
/// </summary>
internal sealed class PublishingFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public PublishingFixture(ScriptedPlatform? platform = null, PublishingOptions? options = null, string instanceId = "test-host", bool approvalRequired = false)
    {
        Time = new FakeTimeProvider(Start);
        Platform = platform ?? new ScriptedPlatform();
        Account = new ClientAccount("acme", Platform.Descriptor.Id, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")) { ApprovalRequired = approvalRequired };
        Registry = new FakeRegistry().Add(Account).Add(Platform);
        Options = options ?? new PublishingOptions();
        Store = new SqlitePostStore(_folder.File("mops.db"), TimeSpan.FromSeconds(5), Time);
        Scheduler = new RecordingPublishScheduler();
        Instance = new HostInstance(instanceId);
        var monitor = new StaticOptionsMonitor<PublishingOptions>(Options);
        Executor = new PublishExecutor(Store, Registry, Scheduler, Time, monitor, new AccountGate(), new RetryBackoff(() => 42), Instance, NullLogger<PublishExecutor>.Instance);
        Recovery = new PublishingRecovery(Store, Scheduler, Executor, Instance, Time, monitor, NullLogger<PublishingRecovery>.Instance);
        Posts = new PostService(Store, Registry, Scheduler, Time, NullLogger<PostService>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public ScriptedPlatform Platform { get; }

    public ClientAccount Account { get; }

    public FakeRegistry Registry { get; }

    public PublishingOptions Options { get; }

    public SqlitePostStore Store { get; }

    public RecordingPublishScheduler Scheduler { get; }

    public HostInstance Instance { get; }

    public PublishExecutor Executor { get; }

    public PublishingRecovery Recovery { get; }

    public PostService Posts { get; }

    public string Folder => _folder.Path;

    /// <summary>Schedules a post <paramref name="after"/> from now (UTC) through <see cref="PostService"/>.</summary>
    public async Task<Post> ScheduleAsync(TimeSpan after, string text = "Hello from the test")
    {
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

    public async Task<Post> GetAsync(string id) => await Store.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException("no post " + id);

    public void Dispose() => _folder.Dispose();

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
