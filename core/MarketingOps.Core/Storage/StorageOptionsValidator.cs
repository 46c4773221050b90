using Microsoft.Extensions.Options;
using Npgsql;

namespace MarketingOps.Core.Storage;

/// <summary>Lists every problem in <see cref="StorageOptions"/>.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(options.BusyTimeout)} must be positive (it is {options.BusyTimeout}).");
        }

        if (options.Kind == StorageKind.Sqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(options.DataDirectory)} must name a folder for the SQLite files.");
        }

        if (options.Kind == StorageKind.Postgres)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    failures.Add($"{StorageOptions.SectionName}:{nameof(options.ConnectionString)} names no Host.");
                }
            }
            catch (ArgumentException ex)
            {
                // The message names the bad keyword; it never echoes the value.
                failures.Add($"{StorageOptions.SectionName}:{nameof(options.ConnectionString)} is not a valid PostgreSQL connection string: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
