using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MarketingOps.Host.Web.OpenApi;

/// <summary>The document's title, description and the two ways to authenticate: a personal token or the session cookie.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "session";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "MarketingOps API",
            Version = "v1",
            Description = "Schedule posts, run experiments and decide the approval inbox of one MarketingOps host. " +
                "Authenticate with a personal token (`Authorization: Bearer mops_…`, from `mops tokens create`) or a session cookie " +
                "(POST /api/v1/session). Every operation names the lowest role it needs in `x-mops-role`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token from `mops tokens create` (shown once).",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "mops.session",
            Description = "The session cookie set by POST /api/v1/session; changes also need the X-CSRF-TOKEN header.",
        };
        return Task.CompletedTask;
    }
}
