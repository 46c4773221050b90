using System.ComponentModel;
using System.Globalization;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Reports;

internal sealed class ReportPostsSettings : JsonSettings
{
    [CommandOption("--account <ACCOUNT>")]
    [Description("Only this account's posts. Default: every account.")]
    public string? Account { get; init; }

    [CommandOption("--since <DATE>")]
    [Description("First day counted (yyyy-MM-dd, UTC). Default: four weeks ago.")]
    public string? Since { get; init; }

    [CommandOption("--csv <FILE>")]
    [Description("Also write one row per post to FILE (RFC 4180 CSV, for spreadsheets).")]
    public string? Csv { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Also write a self-contained HTML report with a chart of impressions and engagement rate per week.")]
    public string? Html { get; init; }

    public DateTimeOffset? SinceDate =>
        Since is null ? null : DateTimeOffset.ParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override ValidationResult Validate()
    {
        if (Since is not null && !DateTimeOffset.TryParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return ValidationResult.Error($"--since must be a date like 2026-03-01 (was '{Since}')");
        }

        if (Csv is not null && Json)
        {
            return ValidationResult.Error("--csv and --json exclude each other: give one (the CSV goes to its file, the JSON to the output)");
        }

        return Csv is { Length: 0 } || Html is { Length: 0 }
            ? ValidationResult.Error("--csv and --html need a file name")
            : ValidationResult.Success();
    }
}
