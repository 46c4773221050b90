namespace MarketingOps.Core.Storage;

/// <summary>Where posts and the schedule are kept (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>PostgreSQL connection string; when set, posts and the schedule live there instead of SQLite. The default value is none (SQLite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite files, relative to the client folder. The default value is <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a SQLite write waits for another writer before failing. The default value is 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    private StorageKind? _kind;

    /// <summary>The <c>Storage</c> section of <paramref name="configuration"/>, or the defaults when it has none.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Kind names no <see cref="StorageKind"/>.</exception>
    public static StorageOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);

        // The binder's own refusal names the enum's .NET type and not the values it takes.
        if (section[nameof(Kind)] is { Length: > 0 } kind && !Enum.GetNames<StorageKind>().Contains(kind.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(StorageOptions),
                [$"{SectionName}:{nameof(Kind)}: '{kind}' is not a storage kind; use one of {string.Join(", ", Enum.GetNames<StorageKind>())}."]);
        }

        return Microsoft.Extensions.Configuration.ConfigurationBinder.Get<StorageOptions>(section) ?? new StorageOptions();
    }

    /// <summary>Which database is used. The default value is PostgreSQL when <see cref="ConnectionString"/> is set, else SQLite.</summary>
    public StorageKind Kind
    {
        get => _kind ?? (string.IsNullOrWhiteSpace(ConnectionString) ? StorageKind.Sqlite : StorageKind.Postgres);
        set => _kind = value;
    }

    /// <summary>Whether <see cref="Kind"/> was set rather than taken from the connection string.</summary>
    internal bool KindSet => _kind is not null;
}
