namespace MarketingOps.Core.Storage;

/// <summary>The database behind the post store and the schedule.</summary>
public enum StorageKind
{
    /// <summary>Files in the client folder; one host process at a time.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; several hosts may share it with clustering.</summary>
    Postgres,
}
