namespace MarketingOps.Benchmarks.Api;

/// <summary>One request of a load, read to the end: whether it was answered with success (a refused connection or an error status is not).</summary>
internal static class LoadRequest
{
    public static async Task<bool> SendAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
