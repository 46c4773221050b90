using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>Options of a command that prints times: the zone they are shown in and their precision.</summary>
internal class TimeSettings : JsonSettings
{
    [CommandOption("--tz <ZONE>")]
    [Description("IANA time zone, such as Europe/Berlin or UTC, for the times printed (and for a local --at where the command takes one). Default: each account's zone.")]
    public string? TimeZone { get; init; }

    [CommandOption("--precise")]
    [Description("Print times to the second, with any fraction, instead of to the minute. --json always gives exact UTC instants.")]
    public bool Precise { get; init; }

    public override ValidationResult Validate() =>
        TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _)
            ? base.Validate()
            : ValidationResult.Error($"--tz: '{TimeZone}' is not a known IANA time zone (for example Europe/Berlin, America/New_York, UTC)");
}
