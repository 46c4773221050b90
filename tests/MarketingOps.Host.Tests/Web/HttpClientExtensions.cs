namespace MarketingOps.Host.Tests.Web;

internal static class HttpClientExtensions
{
    /// <summary>The body of a GET whatever its status (a 404 problem is checked for secrets too).</summary>
    public static async Task<string> GetStringAsyncAllowingErrors(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }
}
