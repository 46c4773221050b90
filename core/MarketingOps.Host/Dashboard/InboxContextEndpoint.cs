using MarketingOps.Host.Application;
using MarketingOps.Host.Dashboard.Components;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MarketingOps.Host.Dashboard;

/// <summary>
/// The person behind an inbox item (profile and recent public posts), as an HTML fragment the inbox loads after the
/// page itself, so a slow platform never delays the list.
/// </summary>
internal static class InboxContextEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/inbox/{id}/person", async Task<IResult> (string id, InboxApp inbox, CancellationToken cancellationToken) =>
            {
                try
                {
                    return new RazorComponentResult<PersonContext>(new { Profile = await inbox.PersonAsync(id, cancellationToken) });
                }
                catch (ApiProblemException ex)
                {
                    return Results.Problem(statusCode: ex.Status, title: ex.Title, detail: ex.Message);
                }
            })
            .RequireAuthorization(Policies.Approver).ExcludeFromDescription();
}
