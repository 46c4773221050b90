using System.Diagnostics;
using MarketingOps.Core.Accounts.Connecting;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Accounts;

/// <summary>
/// <c>mops accounts connect ACCOUNT</c>: runs the platform's sign-in and lets the plugin store the result encrypted.
/// A password is read without echo or from piped input, never from the command line (where shell history keeps it).
/// </summary>
internal sealed class AccountsConnectCommand : HostedCommand<AccountsConnectSettings>
{
    private const string PasswordRefused = "passwords are not taken from the command line (they stay in the shell's history): pipe the app password on stdin or type it at the prompt; revoke the one you typed, nothing was stored";

    public override async Task<int> ExecuteAsync(CommandContext context, AccountsConnectSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Password is not null)
        {
            throw new UserFacingException(PasswordRefused);
        }

        if (context.Remaining.Raw.Count > 0 || context.Remaining.Parsed.Count > 0)
        {
            // Never take a secret from the command line, and never ignore what was typed: it is in the shell's history now.
            var typed = context.Remaining.Parsed.Select(p => p.Key.TrimStart('-')).ToList();
            var password = typed.Any(k => k.Contains("password", StringComparison.OrdinalIgnoreCase));
            throw new UserFacingException(password
                ? PasswordRefused
                : $"unknown arguments: {string.Join(' ', typed.Select(k => "--" + k))}; nothing was stored");
        }

        if (settings.Port is < 0 or > 65535)
        {
            throw new UsageException($"--port {settings.Port}: a port is 0 to 65535 (0 picks a free one)");
        }

        // The same forms as script run's --timeout: a number alone is refused, not read as seconds.
        var timeout = settings.ParsedTimeout;
        if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromHours(1))
        {
            throw new UsageException($"--timeout {settings.Timeout}: give 1s to 1h");
        }

        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        host.Services.GetRequiredService<PluginManager>().LoadAll();
        var connections = host.Services.GetRequiredService<AccountConnections>();
        try
        {
            var (account, connector) = connections.Find(settings.Account);
            var status = connector.SignIn == AccountSignIn.Password
                ? await connections.SignInWithPasswordAsync(account.Name, Identifier(settings, account), ReadPassword(account.Name), cancellationToken)
                : await BrowserSignInAsync(connections, account.Name, settings, cancellationToken);
            AccountsOutput.Connected(status, settings.Json);
            return ExitCodes.Success;
        }
        catch (ConnectionException e)
        {
            throw new UserFacingException(e.Message);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<AccountConnectionStatus> BrowserSignInAsync(AccountConnections connections, string account, AccountsConnectSettings settings, CancellationToken cancellationToken)
    {
        var timeout = settings.ParsedTimeout;
        await using var loopback = await LoopbackRedirect.StartAsync(settings.Port ?? 0, cancellationToken);
        var pending = await connections.BeginAsync(account, loopback.RedirectUri, cancellationToken);
        // Instructions go to stderr, so stdout holds only the result (or its JSON).
        Console.Error.WriteLine($"Open this URL in a browser to connect {account} (waiting up to {timeout.TotalSeconds:0} s for the redirect to {loopback.RedirectUri}):");
        Console.Error.WriteLine(pending.AuthorizationUrl.AbsoluteUri);
        if (!settings.NoBrowser && !Console.IsOutputRedirected)
        {
            TryOpenBrowser(pending.AuthorizationUrl);
        }

        IReadOnlyDictionary<string, string?> query;
        try
        {
            query = await loopback.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new UserFacingException($"account '{account}': no redirect came back within {timeout.TotalSeconds:0} s; nothing was stored (run the command again, or use --timeout)");
        }

        try
        {
            var status = await connections.CompleteAsync(pending, query, cancellationToken);
            loopback.Finish(true, $"Connected {account} as {status.Handle ?? "the approved account"}.");
            return status;
        }
        catch (ConnectionException e)
        {
            loopback.Finish(false, e.Message);
            throw;
        }
    }

    private static string Identifier(AccountsConnectSettings settings, Core.Accounts.ClientAccount account)
    {
        if (settings.Handle is { } given)
        {
            return given;
        }

        if (account.Settings["handle"] is { Length: > 0 } configured)
        {
            return configured;
        }

        if (Console.IsInputRedirected)
        {
            throw new UserFacingException($"account '{account.Name}': give the handle with --handle (plugins.json has none), the app password on standard input");
        }

        return AnsiConsole.Prompt(new TextPrompt<string>($"Handle for [blue]{Markup.Escape(account.Name)}[/]:"));
    }

    private static string ReadPassword(string account)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() is { Length: > 0 } piped
                ? piped
                : throw new UserFacingException($"account '{account}': no app password on standard input; pipe one line, or run the command in a terminal to be asked");
        }

        return AnsiConsole.Prompt(new TextPrompt<string>($"App password for [blue]{Markup.Escape(account)}[/] (not your main password):").Secret());
    }

    private static void TryOpenBrowser(Uri url)
    {
        var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? "explorer" : "xdg-open";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(opener, url.AbsoluteUri) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser opener here (a server, a container): the printed URL is enough.
        }
    }
}
