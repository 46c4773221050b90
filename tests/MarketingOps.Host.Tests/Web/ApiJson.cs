using System.Net.Http.Json;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Web;

/// <summary>Small helpers to send and read JSON as a client would.</summary>
internal static class ApiJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"{(int)response.StatusCode}: empty body");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static string Tomorrow(int hour = 12) =>
        TimeProvider.System.GetUtcNow().AddDays(1).ToString($"yyyy-MM-dd'T'{hour:00}':00:00Z'", System.Globalization.CultureInfo.InvariantCulture);
}
