using System.Globalization;
using MarketingOps.Core.Access;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Host.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Host.Commands.Host;

/// <summary>
/// <c>mops demo --serve</c>: after the demo, the host of <c>mops run</c> on the demo's folder with the dashboard on a
/// loopback port (a free one unless <c>--port</c> names it), an owner made for the newcomer, and a sign-in link that
/// works once. A post waits in the inbox, so every page has something to show. Ctrl+C stops it.
/// </summary>
internal static class DemoServe
{
    public const string UserName = "demo-owner";

    /// <summary>How long the printed link works (once).</summary>
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    public static async Task<int> RunAsync(ClientFolder folder, string experimentId, DateTimeOffset demoStart, DemoSettings settings, CancellationToken cancellationToken)
    {
        var options = new MopsHostOptions(folder)
        {
            Verbose = settings.Verbose,
            Settings = new Dictionary<string, string?> { ["Web:Urls"] = $"http://127.0.0.1:{(settings.Port ?? 0).ToString(CultureInfo.InvariantCulture)}" },
        };
        ErrorReporter.LogPattern = Logging.FilePattern(folder);
        using var app = Web.MopsWebHost.Build(options);
        app.Services.GetRequiredService<ExclusiveStoreLock>().Acquire();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.StopAsync(CancellationToken.None);
            throw;
        }

        // A password nobody sees: the newcomer comes in through the link, and an owner can reset it later.
        await app.Services.GetRequiredService<AccessService>().AddUserAsync(UserName, UserRole.Owner, password: null, cancellationToken);
        await ProposeAsync(app.Services, cancellationToken);

        var root = app.Urls.First().TrimEnd('/');
        var calendar = $"/calendar?view=month&date={demoStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var code = app.Services.GetRequiredService<OneTimeSignIn>().Issue(UserName, calendar, LinkLifetime);
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine($"The dashboard serves the demo's data at {root}/");
        output.WriteLine($"Sign in as {UserName} (owner) with this link, which works once within the hour: {root}/login/once/{code}");
        output.WriteLine($"  calendar: {root}{calendar}");
        output.WriteLine($"  report:   {root}/experiments/{experimentId}");
        output.WriteLine($"  inbox:    {root}/inbox (a post waits there for your approval)");
        output.WriteLine("Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancellationToken);
        output.WriteLine("mops stopped");
        return ExitCodes.Success;
    }

    /// <summary>A follow-up for tomorrow morning, held in the inbox for a person, as an assistant's proposal would be.</summary>
    private static async Task ProposeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoFolder.TimeZone);
        var tomorrow = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).Date.AddDays(1).AddHours(10);
        var request = new ScheduleRequest(DemoFolder.Account, tomorrow.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            "Thank you for every question about the spring launch this week. What should we explain next? Tell us below.")
        {
            Source = "demo",
            HoldReason = "the demo holds this post for you: approve it, edit it or reject it",
        };
        await services.GetRequiredService<PostService>().ScheduleAsync(request, cancellationToken);
    }
}
