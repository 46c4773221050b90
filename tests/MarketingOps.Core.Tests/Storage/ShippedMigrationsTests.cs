using System.Security.Cryptography;
using System.Text;
using MarketingOps.Core.Access;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Links;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Tests.Storage;

/// <summary>
/// A shipped migration is never edited (databases out there already ran it): each one's SQL in each dialect is pinned
/// by the start of its SHA-256. A new migration adds its line here; a changed line means a shipped one was edited.
/// </summary>
public sealed class ShippedMigrationsTests
{
    [Fact]
    public void The_post_stores_shipped_migrations_are_unchanged() =>
        Assert.Equal(
            [
                "1 ff4c5060bb29ccfa cb7985793c60bd9f",
                "2 1b7ac9b2dc0a91ed 1b7ac9b2dc0a91ed",
                "3 a3d7f7eb4416ccc4 4e8288541d30c3ff",
                "4 57019458c6974b0f d9c29b9a4dd154b5",
                "5 81e4d032b73b3024 81e4d032b73b3024",
                "6 df318cb9e0214fdc df318cb9e0214fdc",
                "7 4a8df56b8a036ddb 4a8df56b8a036ddb",
                "8 ec6a1a433074e102 ec6a1a433074e102",
            ],
            Fingerprints(PostSchema.Migrations));

    [Fact]
    public void The_experiment_stores_shipped_migrations_are_unchanged() =>
        Assert.Equal(
            [
                "1 976dd8bfcb9904ae 7a4a0d463761bf06",
                "2 c4ae185328ab345e 53c847cb2e481f21",
                "3 0788dfd781babb3c f46eb11339cbb8b6",
            ],
            Fingerprints(ExperimentSchema.Migrations));

    [Fact]
    public void The_side_tables_shipped_migrations_are_unchanged()
    {
        Assert.Equal(["1 5d789eafe5dd1ebd 5d789eafe5dd1ebd", "2 076f4ad236239ad8 076f4ad236239ad8"], Fingerprints(LinkSchema.Migrations));
        Assert.Equal(["1 c489140ddd5d3721 c489140ddd5d3721"], Fingerprints(AccessSchema.Migrations));
    }

    [Fact]
    public void Migrations_out_of_order_are_refused_before_any_database_is_touched()
    {
        Migration[] migrations = [new(1, "SELECT 1"), new(3, "SELECT 3")];

        var error = Assert.Throws<InvalidOperationException>(() => new MigrationRunner(migrations, SqlDialect.Sqlite, "t_version", TimeProvider.System));

        Assert.Contains("Migration 3 of t_version stands at place 2", error.Message, StringComparison.Ordinal);
    }

    private static string[] Fingerprints(IReadOnlyList<Migration> migrations) =>
        [.. migrations.Select(m => $"{m.Version} {Hash(m.In(SqlDialect.Sqlite))} {Hash(m.In(SqlDialect.Postgres))}")];

    private static string Hash(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))))[..16];
}
