using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

internal sealed partial class MastodonPlatform
{
    private static readonly TimeSpan MediaPollInterval = TimeSpan.FromSeconds(1);
    private const int MediaPolls = 30;

    private async Task<(string? Id, PlatformError? Error)> UploadMediaAsync(MastodonAccount account, MediaAttachment media, CancellationToken cancellationToken)
    {
        var (bytes, readError) = await MediaFile.ReadAsync(media, cancellationToken);
        if (readError is not null)
        {
            return (null, readError);
        }

        HttpContent Content()
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(media.ContentType);
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{MediaFile.SafeFileName(media.Path)}\"" };
            var multipart = new MultipartFormDataContent { file };
            if (media.AltText is { Length: > 0 } alt)
            {
                var description = new StringContent(alt);
                description.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"description\"" };
                multipart.Add(description);
            }

            return multipart;
        }

        var (response, error) = await SendAsync(account, HttpMethod.Post, "api/v2/media", Content, cancellationToken);
        if (error is not null || !response!.IsSuccess)
        {
            return (null, error ?? MastodonErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        using var document = JsonDocument.Parse(response.Body);
        var id = document.RootElement.GetProperty("id").GetString()!;

        // 202: still processing; a status can attach it only once GET /api/v1/media/:id answers 200.
        for (var poll = 0; response is { Status: (int)HttpStatusCode.Accepted } && poll < MediaPolls; poll++)
        {
            await Task.Delay(MediaPollInterval, cancellationToken);
            (response, error) = await SendAsync(account, HttpMethod.Get, $"api/v1/media/{Uri.EscapeDataString(id)}", null, cancellationToken);
            if (error is not null)
            {
                return (null, error);
            }
        }

        return response is { IsSuccess: true } && response.Status != (int)HttpStatusCode.Accepted
            ? (id, null)
            : (null, new PlatformError(PlatformErrorKind.Transient, $"Mastodon is still processing media {id}."));
    }
}
