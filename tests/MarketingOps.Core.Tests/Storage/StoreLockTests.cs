using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.TestDoubles;

namespace MarketingOps.Core.Tests.Storage;

public sealed class StoreLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_second_holder_is_refused_with_the_file_and_the_holders_process_id()
    {
        var path = _folder.File("data/mops.db");
        using var first = StoreLock.Acquire(path);

        var ex = Assert.Throws<StoreLockedException>(() => StoreLock.Acquire(path));

        Assert.Equal(Path.GetFullPath(path), ex.DatabasePath);
        Assert.Equal(Environment.ProcessId, ex.OwnerProcessId);
        Assert.Contains(Path.GetFullPath(path), ex.Message, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), ReadShared(first.LockPath));
    }

    [Fact]
    public void The_lock_is_free_again_once_released()
    {
        var path = _folder.File("mops.db");
        StoreLock.Acquire(path).Dispose();
        using var again = StoreLock.Acquire(path);
        Assert.Equal(Path.GetFullPath(path), again.DatabasePath);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose() => _folder.Dispose();
}
