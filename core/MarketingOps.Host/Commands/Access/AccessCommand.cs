using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Access;

/// <summary>A <c>mops users</c> or <c>mops tokens</c> command: the client's host, built but not started, and its <see cref="AccessService"/>.</summary>
internal abstract class AccessCommand<TSettings> : HostedCommand<TSettings>
    where TSettings : JsonSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        try
        {
            return await ExecuteAsync(host.Services.GetRequiredService<AccessService>(), settings, cancellationToken);
        }
        catch (AccessRequestException ex) when (ex.Field?.StartsWith("--", StringComparison.Ordinal) == true)
        {
            // A value the command line gave (--role bogus) is a usage error.
            throw new UsageException($"{ex.Field}: {ex.Message}");
        }
        catch (AccessRequestException ex)
        {
            throw new UserFacingException(ex.Field is null ? ex.Message : $"{ex.Field}: {ex.Message}");
        }
    }

    protected abstract Task<int> ExecuteAsync(AccessService access, TSettings settings, CancellationToken cancellationToken);

    /// <summary>A password typed without echo (twice on a terminal), or one line of piped input.</summary>
    protected static string ReadPassword(string name)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new UserFacingException("no password on standard input; pipe one line, or use --generate-password");
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>($"Password for [blue]{Markup.Escape(name)}[/]:").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        return first == second ? first : throw new UserFacingException("the two passwords differ; nothing was changed");
    }
}
