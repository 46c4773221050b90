using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

internal sealed class ScriptScheduleSettings : ScriptFileSettings
{
    [CommandOption("--cron <EXPR>")]
    [Description("Quartz cron expression, seconds first: '0 0 8 * * ?' is every day at 08:00.")]
    public string? Cron { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("A name to unschedule it by. Default: the file name without .csx.")]
    public string? Name { get; init; }

    [CommandOption("--tz <ZONE>")]
    [Description("IANA time zone the cron expression is read in. Default: UTC.")]
    public string? TimeZone { get; init; }

    /// <summary>A cron expression or zone that cannot be read is a refused value (exit 2), as <c>post schedule --tz</c> is.</summary>
    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Cron))
        {
            problems.Add("--cron is required");
        }
        else if (!Quartz.CronExpression.TryParse(Cron, out _))
        {
            problems.Add($"--cron: '{Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, for example '0 0 8 * * ?')");
        }

        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"--tz: '{TimeZone}' is not a known IANA time zone (for example Europe/Berlin, America/New_York, UTC)");
        }

        return problems.Count == 0 ? base.Validate() : ValidationResult.Error(string.Join("; ", problems));
    }
}
