using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Guardrails;

/// <summary>A guardrails, inbox or report command: builds the client's host (not started) with its plugins loaded.</summary>
internal abstract class EngineCommand<TSettings> : HostedCommand<TSettings>
    where TSettings : JsonSettings
{
    /// <summary>How this run shows times.</summary>
    protected TimeDisplay Times { get; private set; } = TimeDisplay.Utc;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        Times = TimeDisplay.Of(settings, host.Services);

        // The platforms' own rules and automation rules are part of every verdict.
        host.Services.GetRequiredService<PluginManager>().LoadAll();
        try
        {
            return await ExecuteAsync(host.Services, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is InboxException or PostRequestException)
        {
            throw new UserFacingException(ex is PostRequestException post ? string.Join(Environment.NewLine + "  ", post.Problems) : ex.Message);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    protected abstract Task<int> ExecuteAsync(IServiceProvider services, TSettings settings, CancellationToken cancellationToken);
}
