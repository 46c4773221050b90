namespace MarketingOps.Core.Storage;

/// <summary>The SQL a store speaks: the embedded SQLite file or a shared PostgreSQL database.</summary>
internal enum SqlDialect
{
    Sqlite,
    Postgres,
}
