using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Tests.Storage;

public sealed class PortableSqlTests
{
    private const string Script = """
        CREATE TABLE t (
            id {auto key},
            at {bigint} NOT NULL{sqlite: COLLATE BINARY},
            PRIMARY KEY (id)){sqlite: WITHOUT ROWID};
        {postgres:CREATE INDEX ix_t ON t (at);}
        SELECT 1;
        """;

    [Fact]
    public void Sqlite_gets_its_spelling_and_loses_the_postgres_only_line() =>
        Assert.Equal(
            "CREATE TABLE t (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    at INTEGER NOT NULL COLLATE BINARY,\n    PRIMARY KEY (id)) WITHOUT ROWID;\nSELECT 1;",
            PortableSql.Expand(Script, SqlDialect.Sqlite).ReplaceLineEndings("\n"));

    [Fact]
    public void Postgres_gets_its_spelling_and_its_own_line() =>
        Assert.Equal(
            "CREATE TABLE t (\n    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    at BIGINT NOT NULL,\n    PRIMARY KEY (id));\nCREATE INDEX ix_t ON t (at);\nSELECT 1;",
            PortableSql.Expand(Script, SqlDialect.Postgres).ReplaceLineEndings("\n"));

    [Fact]
    public void A_misspelt_placeholder_is_refused() =>
        Assert.Contains("{big int}", Assert.Throws<InvalidOperationException>(() => PortableSql.Expand("at {big int} NOT NULL", SqlDialect.Sqlite)).Message, StringComparison.Ordinal);
}
