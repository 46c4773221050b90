namespace MarketingOps.Core.Storage;

/// <summary>
/// One step of a store's schema, the same change in both dialects side by side, so a new column is one entry in one
/// place. <see cref="Version"/> is its place in the store's list (1 first). Append, never edit a shipped one.
/// </summary>
internal sealed record Migration(int Version, string Sqlite, string Postgres)
{
    /// <summary>A step whose SQL SQLite and PostgreSQL both speak as it is.</summary>
    public Migration(int version, string both)
        : this(version, both, both)
    {
    }

    /// <summary>The step in <paramref name="dialect"/>.</summary>
    public string In(SqlDialect dialect) => dialect == SqlDialect.Sqlite ? Sqlite : Postgres;
}
