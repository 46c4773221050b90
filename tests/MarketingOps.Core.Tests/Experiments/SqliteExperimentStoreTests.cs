using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Experiments.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class SqliteExperimentStoreTests : ExperimentStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new();

    internal override Task<IExperimentStore> CreateStoreAsync() =>
        Task.FromResult<IExperimentStore>(new SqliteExperimentStore(_temp.File($"{Guid.NewGuid():N}.db"), new FakeTimeProvider(T0)));

    [Fact]
    public async Task A_version_1_database_keeps_every_row_and_key_and_frees_stopped_names_after_the_upgrade()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = _temp.File("v1.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = ExperimentSchema.Migrations[0].Sqlite + """
                CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);
                INSERT INTO schema_version VALUES (1, 0);
                INSERT INTO experiments VALUES ('e1', 'spring', 'Stopped', '{"name":"spring","variants":[{"name":"a","text":"x"},{"name":"b","text":"y"}],"accounts":["brand"],"metric":{"name":"m","numerator":"link_clicks","denominator":"impressions"}}', 0, 0, 0, 3, NULL, 'stopped by a user', 2);
                INSERT INTO experiment_posts (key, experiment_id, slot, round, variant, account, planned_at, slot_class, text, status) VALUES (7, 'e1', 0, 0, 0, 'brand', 0, '09:00', 'x', 'Published');
                INSERT INTO experiment_posts (key, experiment_id, slot, round, variant, account, planned_at, slot_class, text, status) VALUES (41, 'e1', 1, 0, 1, 'brand', 0, '09:00', 'y', 'Published');
                DELETE FROM experiment_posts WHERE key = 41;
                INSERT INTO metric_snapshots (post_key, at, deleted, impressions) VALUES (7, 1000, 0, 50);
                """;
            await command.ExecuteNonQueryAsync(ct);
        }

        var store = new SqliteExperimentStore(path, new FakeTimeProvider(T0));
        await store.InitializeAsync(ct);

        Assert.Equal(ExperimentSchema.Migrations.Count, await store.GetSchemaVersionAsync(ct));
        var old = (await store.FindAsync("e1", ct))!;
        Assert.Equal(("spring", ExperimentState.Stopped, 3, 2L), (old.Name, old.State, old.Looks, old.Version));
        Assert.Equal(7, Assert.Single(await store.GetPostsAsync("e1", ct)).Key);
        Assert.Single(await store.GetHistoryAsync(7, ct));

        var definition = old.Definition;
        var (fresh, posts) = await store.CreateAsync(new Experiment("e2", definition, ExperimentState.Running, T0, T0.AddDays(1)), [new PlannedPost(0, 0, 0, "brand", T0, "09:00", "x")], ct);
        Assert.Equal(fresh.Id, (await store.FindAsync("spring", ct))!.Id);
        Assert.True(posts[0].Key > 41, $"key {posts[0].Key} reuses one the old table handed out");
    }

    public void Dispose() => _temp.Dispose();
}
