using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// The engine's services on a client folder, in the test process and without the scheduler running: schedules
/// the posts (as a script would) and reads their states while `mops run` processes publish them.
/// </summary>
internal sealed class EngineClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public EngineClient(string clientFolder, IReadOnlyList<string> accounts, string platformId = "fakehttp")
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(clientFolder, "mops.json")).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPlatformRegistry>(new Registry(accounts, platformId));
        services.AddMarketingOpsPublishing(configuration, clientFolder);
        _provider = services.BuildServiceProvider();
    }

    public PostService Posts => _provider.GetRequiredService<PostService>();

    public IPostStore Store => _provider.GetRequiredService<IPostStore>();

    public async Task<IReadOnlyList<Post>> AllAsync() => await Store.ListAsync(new PostQuery(Limit: 100_000), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        var factory = _provider.GetRequiredService<Quartz.ISchedulerFactory>();
        foreach (var scheduler in await factory.GetAllSchedulers())
        {
            await scheduler.Shutdown(false);
        }

        await _provider.DisposeAsync();
    }

    /// <summary>Stands in for the loaded plugin while scheduling: same id, accepts what the fake accepts.</summary>
    private sealed class Registry(IReadOnlyList<string> accounts, string platformId) : IPlatformRegistry, IPlatform
    {
        public IReadOnlyList<ClientAccount> Accounts { get; } = accounts.Select(a => new ClientAccount(a, platformId, TimeZoneInfo.Utc)).ToList();

        public IReadOnlyList<IPlatform> Platforms => [this];

        public PlatformDescriptor Descriptor { get; } = new(platformId, "Stand-in for " + platformId, PlatformCapabilities.Replies, new PlatformLimits());

        public ClientAccount? FindAccount(string name) => Accounts.FirstOrDefault(a => a.Name == name);

        public IPlatform? FindPlatform(string id) => id == platformId ? this : null;

        public DraftValidation Validate(PostDraft draft) => new(draft.Text.Length, 500, []);

        public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException("only mops run publishes");

        public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
