using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Links;

public sealed class SqliteLinkStoreTests : LinkStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    internal override Task<AdoPostStore> CreateStoreAsync() =>
        Task.FromResult<AdoPostStore>(new SqlitePostStore(_folder.File("mops.db"), TimeSpan.FromSeconds(5), new FakeTimeProvider(Now)));

    public void Dispose() => _folder.Dispose();
}
