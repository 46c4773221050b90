using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>A <c>mops post</c> command: builds the client's host (not started), then works through <see cref="PostService"/>.</summary>
internal abstract class PostCommand<TSettings> : HostedCommand<TSettings>
    where TSettings : JsonSettings
{
    /// <summary>Whether the command needs the platform plugins (to validate text).</summary>
    protected virtual bool NeedsPlugins => false;

    /// <summary>How this run shows times.</summary>
    protected TimeDisplay Times { get; private set; } = TimeDisplay.Utc;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        Times = TimeDisplay.Of(settings, host.Services);
        if (NeedsPlugins)
        {
            // Plugin problems are reported by the platform check itself ("platform 'x' is not active").
            host.Services.GetRequiredService<PluginManager>().LoadAll();
        }

        try
        {
            return await ExecuteAsync(host.Services.GetRequiredService<PostService>(), settings, cancellationToken);
        }
        catch (PostRequestException ex)
        {
            throw new UserFacingException(string.Join(Environment.NewLine + "  ", ex.Problems));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    protected abstract Task<int> ExecuteAsync(PostService posts, TSettings settings, CancellationToken cancellationToken);
}
