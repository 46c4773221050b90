using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

internal sealed partial class BlueskyPlatform
{
    private async Task<(JsonNode? Blob, PlatformError? Error)> UploadBlobAsync(BlueskyAccount account, MediaAttachment media, CancellationToken cancellationToken)
    {
        var (bytes, readError) = await MediaFile.ReadAsync(media, cancellationToken);
        if (readError is not null)
        {
            return (null, readError);
        }

        var (response, error) = await CallAsync(account, HttpMethod.Post, "com.atproto.repo.uploadBlob", [], null, cancellationToken, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(media.ContentType);
            return content;
        });
        if (response is not { IsSuccess: true })
        {
            return (null, error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        return (JsonNode.Parse(response.Body)?["blob"]?.DeepClone(), null);
    }
}
