using System.ComponentModel;
using System.Globalization;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Reports;

internal sealed class ReportAutomationSettings : JsonSettings
{
    [CommandOption("--since <DATE>")]
    [Description("First day counted (yyyy-MM-dd, UTC). Default: four weeks ago.")]
    public string? Since { get; init; }

    public DateTimeOffset? SinceDate =>
        Since is null ? null : DateTimeOffset.ParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override ValidationResult Validate() =>
        Since is null || DateTimeOffset.TryParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--since must be a date like 2026-03-01 (was '{Since}')");
}
