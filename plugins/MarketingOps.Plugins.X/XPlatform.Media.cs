using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X;

internal sealed partial class XPlatform
{
    private async Task<(string? Id, PlatformError? Error)> UploadMediaAsync(XAccount account, MediaAttachment media, CancellationToken cancellationToken)
    {
        var (bytes, readError) = await MediaFile.ReadAsync(media, cancellationToken);
        if (readError is not null)
        {
            return (null, readError);
        }

        var category = media.ContentType switch
        {
            "image/gif" => "tweet_gif",
            var t when t.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => "tweet_video",
            _ => "tweet_image",
        };

        HttpContent Content()
        {
            // Quoted names and no filename*: RFC 7578's form, which strict multipart parsers insist on.
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(media.ContentType);
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"media\"", FileName = $"\"{MediaFile.SafeFileName(media.Path)}\"" };
            var categoryPart = new StringContent(category);
            categoryPart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"media_category\"" };
            return new MultipartFormDataContent { file, categoryPart };
        }

        // An upload that fails creates no post, so even an ambiguous upload is reported as transient.
        var (response, error) = await SendAsync(account, HttpMethod.Post, "2/media/upload", [], Content, isWrite: false, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        if (!response!.IsSuccess)
        {
            return (null, XErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        var id = ReadString(response.Body, "data", "id");
        if (id is null)
        {
            return (null, new PlatformError(PlatformErrorKind.Transient, "X's media upload answered without a media id."));
        }

        if (media.AltText is { Length: > 0 } alt)
        {
            var metadata = new JsonObject
            {
                ["id"] = id,
                ["metadata"] = new JsonObject { ["alt_text"] = new JsonObject { ["text"] = alt.Length <= 1000 ? alt : alt[..1000] } },
            }.ToJsonString();
            var (described, describeError) = await SendAsync(account, HttpMethod.Post, "2/media/metadata", [], () => new StringContent(metadata, Encoding.UTF8, "application/json"), isWrite: false, cancellationToken);
            if (describeError is not null || !described!.IsSuccess)
            {
                return (null, describeError ?? XErrors.FromResponse(described!.Status, described.Headers, described.Body, _clock.GetUtcNow(), _redactor));
            }
        }

        return (id, null);
    }
}
