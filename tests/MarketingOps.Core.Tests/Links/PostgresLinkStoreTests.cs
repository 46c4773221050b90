using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Links;

/// <summary>The link store contract on PostgreSQL: MOPS_TEST_POSTGRES names the server; each test gets its own schema.</summary>
public sealed class PostgresLinkStoreTests : LinkStoreContract, IAsyncDisposable
{
    private readonly List<string> _schemas = [];

    internal override async Task<AdoPostStore> CreateStoreAsync()
    {
        var (schema, connectionString) = await TestPostgres.CreateSchemaAsync("mops_links_");
        _schemas.Add(schema);
        return new PostgresPostStore(connectionString, new FakeTimeProvider(Now));
    }

    public ValueTask DisposeAsync() => new(TestPostgres.DropSchemasAsync(_schemas));
}
