using System.Text;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Configuration;
using MarketingOps.Core.Experiments.Publishing;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>
/// The real sandbox plugin, loaded from artifacts/plugins through the host's plugin loader with fake time, plus a
/// publishing port that publishes each due post straight through the platform when the test moves the clock:
/// the path of the real scheduler without Quartz, so a whole experiment runs in milliseconds.
/// </summary>
internal sealed class SandboxNetwork : IExperimentPublisher, IDisposable
{
    public const string Account = "brand";

    private readonly LoadedPlugin _plugin;
    private readonly Dictionary<string, (ExperimentPostRequest Request, PublicationStatus Status)> _posts = new(StringComparer.Ordinal);
    private int _next;

    public SandboxNetwork(FakeTimeProvider clock, string settingsJson, long followers = 5000)
    {
        Clock = clock;
        var directory = PluginDirectory ?? throw new InvalidOperationException("build the sandbox plugin first: dotnet build plugins/MarketingOps.Plugins.Sandbox");
        var settings = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(settingsJson))).Build();
        var accountSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["followers"] = followers.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build();
        var account = new ClientAccount(Account, "sandbox", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")) { Settings = accountSettings };
        var entry = new PluginEntry("sandbox", directory, "$.plugins[0]") { Settings = settings, Accounts = [account] };
        var problems = new List<ConfigProblem>();
        _plugin = new PluginActivator(NoSecretStore.Instance, NullLoggerFactory.Instance, clock).Load(entry, "plugins.json", problems);
        Platform = _plugin.Platform ?? throw new InvalidOperationException($"sandbox did not load: {_plugin.Reason}; {string.Join("; ", problems)}");
        Registry = new FakeRegistry([account], [Platform]);
    }

    /// <summary>
    /// Skips the test, visibly, when the sandbox plugin is not built; in CI (CI is set) that fails it instead, since
    /// CI builds the whole solution and a missing plugin there is a broken build, not a reason to test less.
    /// </summary>
    public static void Require()
    {
        if (PluginDirectory is not null)
        {
            return;
        }

        const string why = "the sandbox plugin is not built: dotnet build plugins/MarketingOps.Plugins.Sandbox";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(why + " (CI must run this test)");
        }

        Assert.Skip(why);
    }

    /// <summary>artifacts/plugins/MarketingOps.Plugins.Sandbox of this repository, when built.</summary>
    public static string? PluginDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
            {
                directory = directory.Parent;
            }

            var plugin = directory is null ? null : Path.Combine(directory.FullName, "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
            return plugin is not null && File.Exists(Path.Combine(plugin, "MarketingOps.Plugins.Sandbox.dll")) ? plugin : null;
        }
    }

    public FakeTimeProvider Clock { get; }

    public IPlatform Platform { get; }

    public IPlatformRegistry Registry { get; }

    public Task<ScheduleOutcome> ScheduleAsync(ExperimentPostRequest request, CancellationToken cancellationToken)
    {
        var id = $"p{++_next}";
        _posts[id] = (request, new PublicationStatus(id, PublicationState.Pending));
        return Task.FromResult(ScheduleOutcome.Scheduled(id));
    }

    public Task<IReadOnlyList<PostCheck>> CheckAsync(IReadOnlyList<ExperimentPostRequest> requests, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PostCheck>>([.. requests.Select(r => new PostCheck(
            [.. Platform.Validate(new PostDraft(r.Text) { Media = r.Media }).Problems.Select(p => new PostProblem(PostField.Platform, p))], null, null))]);

    public Task<IReadOnlyList<PublicationStatus>> GetStatusAsync(IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublicationStatus>>([.. postIds.Select(id => _posts[id].Status)]);

    public Task<bool> CancelAsync(string postId, string reason, CancellationToken cancellationToken)
    {
        var (request, status) = _posts[postId];
        if (status.State != PublicationState.Pending)
        {
            return Task.FromResult(false);
        }

        _posts[postId] = (request, status with { State = PublicationState.Cancelled, Detail = reason });
        return Task.FromResult(true);
    }

    /// <summary>Moves the clock forward, publishing every post whose time has come at its time, as the scheduler would.</summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        var until = Clock.GetUtcNow() + by;
        foreach (var (id, (request, _)) in _posts.Where(p => p.Value.Status.State == PublicationState.Pending && p.Value.Request.At <= until).OrderBy(p => p.Value.Request.At).ToList())
        {
            if (request.At > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(request.At);
            }

            var draft = new PostDraft(request.Text) { Media = request.Media };
            var result = await Platform.PublishAsync(new PublishRequest(request.Account, draft, $"exp-{id}", 1, Clock.GetUtcNow()), cancellationToken);
            _posts[id] = (request, result.Post is { } post
                ? new PublicationStatus(id, PublicationState.Published, post.Id, post.PublishedAt)
                : new PublicationStatus(id, PublicationState.Failed, Detail: result.Error!.Message));
        }

        Clock.SetUtcNow(until);
    }

    public void Dispose() => _plugin.Dispose();
}
