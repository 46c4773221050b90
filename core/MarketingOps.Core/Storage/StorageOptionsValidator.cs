using Microsoft.Extensions.Options;
using Npgsql;

namespace MarketingOps.Core.Storage;

/// <summary>Lists every problem in <see cref="StorageOptions"/>.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>
    /// The storage settings, refused as the host's start refuses them: for the commands that read the store without
    /// starting the host.
    /// </summary>
    public static StorageOptions Checked(StorageOptions options) =>
        new StorageOptionsValidator().Validate(null, options) is { Failed: true } refused
            ? throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), refused.Failures)
            : options;

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

        if (options.Kind == StorageKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(options.Kind)} is Postgres but {StorageOptions.SectionName}:{nameof(options.ConnectionString)} is not set: name the server (Host=…;Database=…;Username=…) or set {nameof(options.Kind)} to Sqlite.");
        }
        else if (options.KindSet && options.Kind == StorageKind.Sqlite && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(options.Kind)} is Sqlite but {StorageOptions.SectionName}:{nameof(options.ConnectionString)} is set: set {nameof(options.Kind)} to Postgres to keep the posts on that server, or remove the connection string.");
        }
        else if (options.Kind == StorageKind.Postgres)
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
