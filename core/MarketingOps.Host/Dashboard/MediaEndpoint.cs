using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Dashboard;

/// <summary>
/// The media the pages show: a file of the library (the composer's preview) and a post's attachment by its position
/// (the post's page). Only files a post or the library names are ever served, never a path from the request.
/// </summary>
internal static class MediaEndpoint
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/media/{name}", (string name, MediaLibrary library) =>
                library.Find(name) is { } item ? Results.File(item.Path, item.ContentType) : Results.NotFound())
            .RequireAuthorization(Policies.Viewer).ExcludeFromDescription();

        app.MapGet("/posts/{id}/media/{index:int}", async Task<IResult> (string id, int index, PostsApp posts, CancellationToken cancellationToken) =>
            {
                try
                {
                    var media = await posts.MediaAsync(id, cancellationToken);
                    return index >= 0 && index < media.Count && File.Exists(media[index].Path)
                        ? Results.File(media[index].Path, media[index].ContentType)
                        : Results.NotFound();
                }
                catch (ApiProblemException ex)
                {
                    return Results.Problem(statusCode: ex.Status, title: ex.Title, detail: ex.Message);
                }
            })
            .RequireAuthorization(Policies.Viewer).ExcludeFromDescription();
    }
}
