using System.Globalization;
using MarketingOps.Core.Access;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Application;
using MarketingOps.Host.Tests.Web;

namespace MarketingOps.Dashboard.Tests.Browser;

/// <summary>
/// A test class's own host (sandbox network, SQLite, a user per role) with two accounts, acme and beans, in a zone
/// where it is midday now; plus posts scheduled the way the CLI does, for the pages to show.
/// </summary>
public abstract class DashboardTest(Chromium chromium) : IAsyncLifetime
{
    /// <summary>Who the tests' own posts are made by (as the CLI would, outside the browser).</summary>
    internal static readonly Actor Cli = new("cli-user", UserRole.Owner, "test");

    internal ApiHost Host { get; private set; } = null!;

    internal string Zone { get; private set; } = null!;

    internal Chromium Chromium => chromium;

    public virtual async ValueTask InitializeAsync()
    {
        Zone = Zones.Midday();
        Host = await StartHostAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The host the tests drive: a fresh client folder with <see cref="AccountsJson"/>, unless a test class serves another.</summary>
    internal virtual Task<ApiHost> StartHostAsync() => ApiHost.StartAsync(AccountsJson(Zone), morePluginsJson: MorePluginsJson());

    /// <summary>The accounts of plugins.json; a test class may add its own.</summary>
    internal virtual string AccountsJson(string zone) =>
        $$"""[ { "name": "acme", "timeZone": "{{zone}}" }, { "name": "beans", "timeZone": "{{zone}}" } ]""";

    /// <summary>Further entries of plugins.json after the sandbox's; none unless a test class adds some.</summary>
    internal virtual string? MorePluginsJson() => null;

    internal Task<DashboardSession> OpenAsync(int width = 1280, int height = 900) => DashboardSession.OpenAsync(chromium, Host, width, height);

    internal async Task<PostView> ScheduleAsync(string account, DateTimeOffset due, string text, PostState expected = PostState.Scheduled)
    {
        var at = due.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var outcome = await Host.Service<PostsApp>().ScheduleAsync(Cli, new ScheduleCommand(account, at, text), null, CancellationToken.None);
        Assert.Equal(expected, outcome.Post.State);
        return outcome.Post;
    }

    /// <summary>The day <paramref name="at"/> falls on in the accounts' zone, as the calendar's <c>date</c> takes it.</summary>
    internal string LocalDate(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
