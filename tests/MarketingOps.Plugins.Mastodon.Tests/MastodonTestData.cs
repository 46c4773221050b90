using System.Text.Json.Nodes;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Mastodon.Tests;

/// <summary>Spec-valid response bodies (the Mastodon OpenAPI document's own examples), adjusted per test.</summary>
internal static class MastodonTestData
{
    public static string Status(string id, int favourites = 11, int reblogs = 6, int replies = 5)
    {
        var status = Load("status.json");
        status["id"] = id;
        status["url"] = $"https://mastodon.example/@brand/{id}";
        status["favourites_count"] = favourites;
        status["reblogs_count"] = reblogs;
        status["replies_count"] = replies;
        return status.ToJsonString();
    }

    public static string Instance(int maxCharacters = 500)
    {
        var instance = Load("instance.json");
        instance["configuration"]!["statuses"]!["max_characters"] = maxCharacters;
        return instance.ToJsonString();
    }

    public static string Media(string id)
    {
        var media = Load("media.json");
        media["id"] = id;
        return media.ToJsonString();
    }

    public static FakeResponse Error(int status, string message) => FakeResponse.Json($$"""{"error":"{{message}}"}""", status);

    private static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name)))!;
}
