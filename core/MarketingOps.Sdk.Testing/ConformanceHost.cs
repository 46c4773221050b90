using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Sdk.Testing;

/// <summary>
/// One host for one check: a temporary client folder whose plugins.json names the plugin under test, its secrets in
/// the real encrypted store, the plugin loaded by the host's real loader, and the host's real publishing services
/// (post store on SQLite, guardrails, executor) wired as <c>mops run</c> wires them, on a fake clock.
/// </summary>
public sealed class ConformanceHost : IDisposable
{
    /// <summary>When every check starts, in UTC: a Monday morning, outside any quiet hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mops-conformance-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ServiceProvider _services;
    private readonly ClientSecretStore _secrets;
    private readonly PluginManager _plugins;

    public ConformanceHost(PlatformUnderTest plugin, string? settingsJson = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        Plugin = plugin;
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, PluginsFile.FileName), $$"""
            { "plugins": [ {
                "id": {{System.Text.Json.JsonSerializer.Serialize(ManifestId(plugin.PluginFolder))}},
                "path": {{System.Text.Json.JsonSerializer.Serialize(Path.GetFullPath(plugin.PluginFolder))}},
                "settings": {{settingsJson ?? plugin.SettingsJson}},
                "accounts": [ { "name": {{System.Text.Json.JsonSerializer.Serialize(plugin.Account)}}, "timeZone": "UTC", "settings": {{plugin.AccountSettingsJson}} } ]
            } ] }
            """);
        _secrets = new ClientSecretStore(_folder);
        foreach (var (name, value) in plugin.Secrets)
        {
            _secrets.Set(name, value);
        }

        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var activator = new PluginActivator(_secrets, loggerFactory, Clock) { HttpHandlerFactory = () => new FaultInjectingHandler(Tap) };
        var file = PluginsFileReader.Read(Path.Combine(_folder, PluginsFile.FileName));
        _plugins = new PluginManager(file, "plugins.json", activator, loggerFactory.CreateLogger<PluginManager>(), watch: false);
        var problems = _plugins.LoadAll();
        var state = _plugins.States.Single();
        if (problems.Count > 0 || state.Status != PluginStatus.Active)
        {
            throw new ConformanceException($"The host's loader did not activate the plugin in {plugin.PluginFolder}: {state.Status}: {state.Reason}{string.Concat(problems.Select(p => "\n  " + p))}. A plugin the host cannot load is never called; fix this first.");
        }

        Platform = _plugins.Platforms.Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Guardrails:DuplicateWindow"] = "00:00:01" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(loggerFactory);
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        services.AddSingleton<IPlatformRegistry>(_plugins);
        services.AddMarketingOpsPublishing(configuration, _folder);
        services.Replace(ServiceDescriptor.Singleton<IPublishScheduler>(Scheduler));
        _services = services.BuildServiceProvider();
    }

    /// <summary>The plugin under test.</summary>
    public PlatformUnderTest Plugin { get; }

    /// <summary>The host's fake clock.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The plugin's HTTP traffic, and the fault to inject next.</summary>
    public NetworkTap Tap { get; } = new();

    /// <summary>Everything logged, by the plugin and the host.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The platform as the host's loader activated it.</summary>
    public IPlatform Platform { get; }

    internal RecordingScheduler Scheduler { get; } = new();

    internal PostService Posts => _services.GetRequiredService<PostService>();

    internal PublishExecutor Executor => _services.GetRequiredService<PublishExecutor>();

    /// <summary>Schedules a post through the host's post service a minute ahead, moves the clock there and fires it as Quartz would.</summary>
    internal async Task<Post> ScheduleAndFireAsync(string text, CancellationToken cancellationToken)
    {
        var at = Clock.GetUtcNow().AddMinutes(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await Posts.ScheduleAsync(new ScheduleRequest(Plugin.Account, at, text), cancellationToken);
        return await FireAsync(scheduled.Post.Id, cancellationToken);
    }

    /// <summary>Fires the post's trigger at its time (after moving the clock there); returns the post as stored.</summary>
    internal async Task<Post> FireAsync(string postId, CancellationToken cancellationToken)
    {
        if (Scheduler.Triggers.TryGetValue(postId, out var due) && due > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(due);
        }

        return await Executor.ExecuteAsync(postId, recovering: false, cancellationToken) ?? throw new ConformanceException($"post {postId} vanished from the store");
    }

    public void Dispose()
    {
        _services.Dispose();
        _plugins.Dispose();
        _secrets.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string ManifestId(string folder) =>
        PluginManifestReader.Read(folder) is ({ } manifest, _) ? manifest.Id
            : throw new ConformanceException($"{folder} holds no valid plugin.json: {PluginManifestReader.Read(folder).Problem}. Point the kit at your plugin's build output (the folder with plugin.json and the entry assembly).");
}
