using MarketingOps.Core.Storage;
using MarketingOps.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Host.Web;

/// <summary>
/// The host of <c>mops run</c> with the HTTP API: the same engine as the console host (<see cref="MopsHost.Configure"/>)
/// inside ASP.NET Core's generic host, with Kestrel on <c>Web:Urls</c>. Only <c>mops run</c> builds it, so no other
/// command loads ASP.NET Core.
/// </summary>
internal static class MopsWebHost
{
    /// <summary>Builds the web host; <paramref name="services"/> may replace services (an accelerated clock's publish triggers in tests).</summary>
    public static WebApplication Build(MopsHostOptions options, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = options.Folder.Root,
            ApplicationName = "mops",
        });
        MopsHost.Configure(builder, options);
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        if (web.Problems() is { Count: > 0 } problems)
        {
            throw new Core.Configuration.ConfigurationException(problems.Select(p => new Core.Configuration.ConfigProblem(options.Folder.SettingsFile, p.Key, p.Message)).ToList());
        }

        // Building the pipeline opens the store: storage settings that contradict each other are refused before.
        StorageOptionsValidator.Checked(StorageOptions.From(builder.Configuration));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = web.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.WebHost.UseUrls(web.Urls);

        // Hosting starts an Activity and a log scope for every request once any logger is enabled for its category,
        // though it logs only requests' starts and ends, below the Warning floor: dropped, they cost every request
        // (a short link's most of all) and are never written.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.AddSingleton(web);
        builder.Services.AddMopsWeb();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseMopsWeb();
        return app;
    }
}
