using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Benchmarks;

/// <summary>The baselines' web server: a slim minimal-API app on a free loopback port, no logging, only the endpoints given.</summary>
internal static class BareWebApp
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map, CancellationToken cancellationToken)
    {
        // No appsettings watch: it watches the working directory's whole tree, which may hold the host's client folder
        // (a temp directory), and would charge the host's every write to this process.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
