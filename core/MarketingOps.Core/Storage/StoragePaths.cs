namespace MarketingOps.Core.Storage;

/// <summary>The SQLite files of one client folder: the post store and Quartz's schedule, side by side.</summary>
internal sealed record StoragePaths(string PostsDatabase, string ScheduleDatabase)
{
    public static StoragePaths For(string clientFolder, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = Path.GetFullPath(Path.Combine(clientFolder, options.DataDirectory));
        return new StoragePaths(Path.Combine(directory, "mops.db"), Path.Combine(directory, "schedule.db"));
    }
}
