using MarketingOps.Core.Experiments;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class SqliteExperimentStoreTests : ExperimentStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new();

    internal override Task<IExperimentStore> CreateStoreAsync() =>
        Task.FromResult<IExperimentStore>(new SqliteExperimentStore(_temp.File($"{Guid.NewGuid():N}.db"), new FakeTimeProvider(T0)));

    public void Dispose() => _temp.Dispose();
}
