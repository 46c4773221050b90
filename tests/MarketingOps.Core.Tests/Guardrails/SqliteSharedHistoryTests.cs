using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.TestDoubles;

namespace MarketingOps.Core.Tests.Guardrails;

/// <summary>Two processes' guardrails on one SQLite file (the CLI next to <c>mops run</c>).</summary>
public sealed class SqliteSharedHistoryTests : SharedHistoryContract, IDisposable
{
    private readonly TempFolder _folder = new();

    internal override Task<AdoPostStore> OpenSharedStoreAsync(TimeProvider time) =>
        Task.FromResult<AdoPostStore>(new SqlitePostStore(_folder.File("shared/mops.db"), TimeSpan.FromSeconds(10), time));

    public void Dispose() => _folder.Dispose();
}
