namespace MarketingOps.Core.Storage;

/// <summary>Another <c>mops run</c> already uses this SQLite file; SQLite cannot be shared by two hosts.</summary>
public sealed class StoreLockedException : InvalidOperationException
{
    public StoreLockedException(string databasePath, int? ownerProcessId)
        : base($"Another mops run (process {(ownerProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown")}) is already using {databasePath}. " +
               "Two hosts cannot share one SQLite file: stop the other process, or configure PostgreSQL (Storage:ConnectionString) with Scheduling:Clustered = true to run several hosts.")
    {
        DatabasePath = databasePath;
        OwnerProcessId = ownerProcessId;
    }

    public StoreLockedException()
    {
        DatabasePath = string.Empty;
    }

    public StoreLockedException(string message)
        : base(message)
    {
        DatabasePath = string.Empty;
    }

    public StoreLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
        DatabasePath = string.Empty;
    }

    public string DatabasePath { get; }

    public int? OwnerProcessId { get; }
}
