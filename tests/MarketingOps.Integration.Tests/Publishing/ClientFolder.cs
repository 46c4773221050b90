using System.Text.Json;
using MarketingOps.Host.Tests;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>A client folder whose plugins.json points at the fake HTTP platform, with fast retries in mops.json.</summary>
internal sealed class ClientFolder : IDisposable
{
    public ClientFolder(FakePlatformServer server, IReadOnlyList<string> accounts, string? postgres = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "mops-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var plugin = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Integration.FakePlatform");
        var plugins = new
        {
            plugins = new[]
            {
                new
                {
                    id = "fakehttp",
                    path = plugin,
                    settings = new { url = server.Url, timeoutMs = "1000", protection = ProtectionSetting(server) },
                    accounts = accounts.Select(a => new { name = a, timeZone = "UTC" }).ToArray(),
                },
            },
        };
        File.WriteAllText(Path.Combine(Root, "plugins.json"), JsonSerializer.Serialize(plugins));

        var settings = EngineSettings(postgres);
        if (postgres is not null)
        {
            settings["Storage"] = new Dictionary<string, object> { ["ConnectionString"] = postgres };
        }

        File.WriteAllText(Path.Combine(Root, "mops.json"), JsonSerializer.Serialize(settings));
    }

    public string Root { get; }

    /// <summary>mops.json for the engine tests: fast retries, heartbeats and sweeps; clustered when on PostgreSQL.</summary>
    public static Dictionary<string, object> EngineSettings(string? postgres) => new()
    {
        ["Scheduling"] = postgres is null
            ? new Dictionary<string, object> { ["PollInterval"] = "00:00:01", ["MaxConcurrency"] = 4 }
            : new Dictionary<string, object> { ["PollInterval"] = "00:00:01", ["MaxConcurrency"] = 4, ["Clustered"] = true, ["ClusterCheckinInterval"] = "00:00:01" },
        ["Publishing"] = new Dictionary<string, object>
        {
            ["MisfireGracePeriod"] = "01:00:00",
            ["RetryBaseDelay"] = "00:00:00.200",
            ["RetryMaxDelay"] = "00:00:01",
            // Enough for the injected 503s; few enough that a post whose outcome stays unknowable ends Unconfirmed.
            ["MaxTransientFailures"] = 15,
            ["PublishTimeout"] = "00:00:10",
            ["LookupTimeout"] = "00:00:05",
            ["StaleClaimAfter"] = "00:00:30",
            // A killed node's claims are settled by the survivor within seconds, not a minute.
            ["HeartbeatInterval"] = "00:00:01",
            ["LeaseDuration"] = "00:00:04",
            ["SweepInterval"] = "00:00:02",
            ["KeyExpiryMargin"] = "00:00:00.500",
        },
        // Hundreds of posts within minutes: far beyond a real account's daily cap, which is not what these tests are about.
        ["Guardrails"] = new Dictionary<string, object> { ["PostsPerDay"] = 10_000 },
    };

    /// <summary>What the fake plugin declares protects a repeat, matching the fake network's behaviour.</summary>
    private static string ProtectionSetting(FakePlatformServer server) => server.Behaviour switch
    {
        FakeBehaviour.ExpiringKey => "key:" + ((int)server.KeyLifetime.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        FakeBehaviour.RecordKey => "record",
        _ => "none",
    };

    /// <summary>Keep the folder (logs, databases) for a look after a failure.</summary>
    public bool Keep { get; set; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Keep)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
