using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Accounts;

internal static class AccountCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("accounts", accounts =>
        {
            accounts.SetDescription("The client's accounts on each platform and their connections.");
            accounts.AddCommand<AccountsConnectCommand>("connect").WithDescription(
                "Connect an account with the platform's own sign-in (a browser for X and Mastodon, a handle and app password for Bluesky); the result is stored encrypted.");
            accounts.AddCommand<AccountsListCommand>("list").WithDescription(
                "Every account with its platform, handle, connection state (checked with one cheap call unless --offline), scopes and token expiry.");
        });
}
