using System.Net.Http.Headers;
using MarketingOps.Core.Access;
using MarketingOps.Host.Hosting;
using MarketingOps.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Host.Tests.Web;

/// <summary>
/// The real <c>mops run</c> web host for one throwaway client folder (sandbox plugin, SQLite), listening on a free
/// loopback port, with one user and one token per role.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly TempFolder _folder;
    private readonly Dictionary<UserRole, string> _tokens = [];

    private ApiHost(TempFolder folder, string root, WebApplication app)
    {
        _folder = folder;
        Root = root;
        App = app;
        BaseAddress = new Uri(app.Urls.First());
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>The client folder the host runs on.</summary>
    public string Root { get; }

    public static async Task<ApiHost> StartAsync(
        string accountsJson = """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""",
        IReadOnlyDictionary<string, string?>? settings = null,
        string? morePluginsJson = null,
        string sandboxSettingsJson = "{}",
        TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var folder = new TempFolder();
        folder.WriteSandboxPluginsJson(sandboxSettingsJson, accountsJson, morePluginsJson);
        return await StartAsync(folder, folder.Root, settings, clock, services);
    }

    /// <summary>
    /// The host on a client folder inside <paramref name="folder"/> that something else filled (as <c>mops demo --serve</c>
    /// serves the demo's <c>data/demo</c>); the host owns <paramref name="folder"/> from here on.
    /// </summary>
    public static async Task<ApiHost> StartAsync(
        TempFolder folder,
        string root,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Web:Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = MopsWebHost.Build(new MopsHostOptions(new ClientFolder(root)) { ConsoleLevel = Serilog.Events.LogEventLevel.Fatal, Settings = all, Clock = clock ?? TimeProvider.System }, services);
        await app.StartAsync();
        var host = new ApiHost(folder, root, app);
        var access = app.Services.GetRequiredService<AccessService>();
        foreach (var role in Enum.GetValues<UserRole>())
        {
            var name = AccessService.Describe(role) + "-user";
            await access.AddUserAsync(name, role, Password, CancellationToken.None);
            host._tokens[role] = (await access.CreateTokenAsync(name + "-token", role, name, null, CancellationToken.None)).Value;
        }

        return host;
    }

    public string TokenOf(UserRole role) => _tokens[role];

    public HttpClient Anonymous() => new(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient As(UserRole role) => WithToken(_tokens[role]);

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
