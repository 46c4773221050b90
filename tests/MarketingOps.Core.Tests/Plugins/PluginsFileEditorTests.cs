using MarketingOps.Core.Plugins;

namespace MarketingOps.Core.Tests.Plugins;

public sealed class PluginsFileEditorTests
{
    private const string Client = """
        {
          // the client's own notes stay
          "plugins": [
            {
              "id": "sandbox",
              "settings": { "seed": 42 },
              "accounts": [ { "name": "acme", "timeZone": "Europe/Berlin" } ]
            },
            { "id": "acme-net", "path": "plugins/acme-net/1.0.0", "accounts": [] }
          ]
        }
        """;

    [Fact]
    public void Installing_a_new_plugin_appends_one_entry_and_changes_nothing_else()
    {
        var edited = PluginsFileEditor.SetPath(Client, "chirp", "plugins/chirp/2.0.0");

        Assert.Equal(Client.Replace("""
            { "id": "acme-net", "path": "plugins/acme-net/1.0.0", "accounts": [] }
            """, """
            { "id": "acme-net", "path": "plugins/acme-net/1.0.0", "accounts": [] },
                { "id": "chirp", "path": "plugins/chirp/2.0.0" }
            """, StringComparison.Ordinal), edited);
    }

    [Fact]
    public void Installing_a_newer_version_changes_only_the_path_and_adds_one_where_there_was_none()
    {
        var upgraded = PluginsFileEditor.SetPath(Client, "acme-net", "plugins/acme-net/1.1.0");
        Assert.Equal(Client.Replace("plugins/acme-net/1.0.0", "plugins/acme-net/1.1.0", StringComparison.Ordinal), upgraded);

        var pinned = PluginsFileEditor.SetPath(Client, "sandbox", "plugins/sandbox/9.0.0");
        Assert.Equal(Client.Replace("\"id\": \"sandbox\",", "\"id\": \"sandbox\", \"path\": \"plugins/sandbox/9.0.0\",", StringComparison.Ordinal), pinned);
    }

    [Theory]
    [InlineData("sandbox")]
    [InlineData("acme-net")]
    public void Removing_an_entry_leaves_valid_json_with_the_others_untouched(string id)
    {
        Assert.True(PluginsFileEditor.TryRemove(Client, id, out var edited));

        var other = id == "sandbox" ? "acme-net" : "sandbox";
        using var document = System.Text.Json.JsonDocument.Parse(edited, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        var remaining = Assert.Single(document.RootElement.GetProperty("plugins").EnumerateArray());
        Assert.Equal(other, remaining.GetProperty("id").GetString());
        Assert.Contains("// the client's own notes stay", edited, StringComparison.Ordinal);
        Assert.False(PluginsFileEditor.TryRemove(edited, id, out _));
    }

    [Fact]
    public void The_first_plugin_goes_into_an_empty_array()
    {
        var edited = PluginsFileEditor.SetPath("{\n  \"plugins\": []\n}\n", "chirp", "plugins/chirp/1.0.0");

        Assert.Equal("{\n  \"plugins\": [\n    { \"id\": \"chirp\", \"path\": \"plugins/chirp/1.0.0\" }\n  ]\n}\n", edited);
        Assert.True(PluginsFileEditor.TryRemove(edited, "chirp", out var emptied));
        Assert.Equal("{\n  \"plugins\": []\n}\n", emptied);
    }
}
