using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>The experiment store contract on PostgreSQL: MOPS_TEST_POSTGRES names the server; each test gets its own schema.</summary>
public sealed class PostgresExperimentStoreTests : ExperimentStoreContract, IAsyncDisposable
{
    private readonly List<string> _schemas = [];
    private readonly List<PostgresExperimentStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal override async Task<IExperimentStore> CreateStoreAsync() => await CreatePostgresStoreAsync();

    private async Task<PostgresExperimentStore> CreatePostgresStoreAsync(string? schema = null)
    {
        var server = await TestPostgres.RequireAsync();
        if (schema is null)
        {
            schema = "mops_test_" + Guid.NewGuid().ToString("N")[..12];
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(Ct);
            _schemas.Add(schema);
        }

        var store = new PostgresExperimentStore(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString, new FakeTimeProvider(T0));
        _stores.Add(store);
        return store;
    }

    [Fact]
    public async Task Hosts_starting_together_migrate_once_beside_the_post_store()
    {
        var first = await CreatePostgresStoreAsync();
        var schema = _schemas[^1];
        var second = await CreatePostgresStoreAsync(schema);
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestPostgres.Variable)) { SearchPath = schema }.ConnectionString;
        await using var posts = new PostgresPostStore(server, new FakeTimeProvider(T0));

        await Task.WhenAll(first.InitializeAsync(Ct), second.InitializeAsync(Ct), posts.InitializeAsync(Ct));
        await first.InitializeAsync(Ct);

        Assert.Equal(ExperimentSchema.Migrations.Count, await first.GetSchemaVersionAsync(Ct));
        Assert.Equal(MarketingOps.Core.Storage.PostSchema.Migrations.Count, await posts.GetSchemaVersionAsync(Ct));
    }

    [Fact]
    public async Task The_host_keeps_experiments_in_PostgreSQL_when_storage_is_there()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=unused" })
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton(StoragePaths.For(Path.GetTempPath(), new StorageOptions()));
        services.AddMarketingOpsExperiments(configuration);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IExperimentStore>();

        Assert.IsType<PostgresExperimentStore>(store);
        Assert.Contains("'unused'", store.Description, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_schemas.Count == 0 || Environment.GetEnvironmentVariable(TestPostgres.Variable) is not { Length: > 0 } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
