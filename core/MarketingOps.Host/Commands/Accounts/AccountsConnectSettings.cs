using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Accounts;

internal sealed class AccountsConnectSettings : JsonSettings
{
    [CommandArgument(0, "<ACCOUNT>")]
    [Description("The account's name in plugins.json.")]
    public string Account { get; init; } = "";

    [CommandOption("--handle <HANDLE>")]
    [Description("Password sign-in (Bluesky): the handle to sign in as. Default: the account's handle in plugins.json, else asked.")]
    public string? Handle { get; init; }

    [CommandOption("--port <PORT>")]
    [Description("Browser sign-in: the loopback port the platform redirects to (http://127.0.0.1:PORT/callback), for apps registered with one fixed redirect URL. Default: a free port.")]
    public int? Port { get; init; }

    [CommandOption("--no-browser")]
    [Description("Browser sign-in: print the URL without trying to open a browser.")]
    public bool NoBrowser { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("Browser sign-in: how long to wait for the redirect, up to 1h: 90s, 5m or 00:05:00. Default: 5m.")]
    public string Timeout { get; init; } = "5m";

    /// <summary>
    /// Not taken: refused with the way out (a password typed here stays in the shell's history). Declared so that the
    /// refusal can say so, where an unknown option would only be named.
    /// </summary>
    [CommandOption("--password <PASSWORD>", IsHidden = true)]
    public string? Password { get; init; }

    public TimeSpan ParsedTimeout => Scripts.Duration.Parse(Timeout, "--timeout");
}
