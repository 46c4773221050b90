using System.Globalization;
using MarketingOps.Core.Accounts.Connecting;
using MarketingOps.Host.Cli;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Accounts;

/// <summary>How the account commands print connections: a table or JSON, never a credential.</summary>
internal static class AccountsOutput
{
    public static void Connected(AccountConnectionStatus status, bool json)
    {
        if (json)
        {
            JsonOutput.Write(status);
            return;
        }

        Console.Out.WriteLine($"connected {status.Account} ({status.Platform}) as {status.Handle ?? "?"}; scopes: {Scopes(status)}; token {Expiry(status)}");
    }

    public static void List(IReadOnlyList<AccountConnectionStatus> statuses, bool json)
    {
        if (json)
        {
            JsonOutput.Write(new { accounts = statuses });
            return;
        }

        if (statuses.Count == 0)
        {
            Console.Out.WriteLine("no accounts in plugins.json");
            return;
        }

        var table = new Table().AddColumns("Account", "Platform", "State", "Handle", "Scopes", "Token expires", "Detail");
        foreach (var s in statuses)
        {
            var state = s.State switch
            {
                "connected" => "[green]connected[/]",
                "expired" or "revoked" or "not-connected" => $"[red]{s.State}[/]",
                _ => $"[yellow]{Markup.Escape(s.State)}[/]",
            };
            table.AddRow(Markup.Escape(s.Account), Markup.Escape(s.Platform), state, Markup.Escape(s.Handle ?? "-"), Markup.Escape(Scopes(s)), Markup.Escape(Expiry(s)), Markup.Escape(s.Detail ?? ""));
        }

        AnsiConsole.Write(table);
    }

    private static string Scopes(AccountConnectionStatus status) => status.Scopes.Count == 0 ? "-" : string.Join(' ', status.Scopes);

    private static string Expiry(AccountConnectionStatus status) => status.ExpiresAt switch
    {
        null when status.Renewable => "renewed as needed",
        null => "-",
        { } at => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + (status.Renewable ? " (renewed as needed)" : ""),
    };
}
