using Microsoft.Data.Sqlite;

namespace MarketingOps.Core.Storage;

/// <summary>Turns SQLite's numbered errors about a file into messages that name the file and the way out.</summary>
internal static class SqliteFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    /// <summary>The fault to show for <paramref name="exception"/> on <paramref name="file"/>, or null when it is not about the file.</summary>
    public static StorageFaultException? Explain(SqliteException exception, string file, bool isSchedule) => exception.SqliteErrorCode switch
    {
        NotADatabase => StorageFaultException.Damaged(file, "it is not a SQLite database", isSchedule, exception),
        Corrupt => StorageFaultException.Damaged(file, "the database disk image is malformed", isSchedule, exception),
        Busy or Locked => StorageFaultException.Locked(file, exception),
        _ => null,
    };
}
