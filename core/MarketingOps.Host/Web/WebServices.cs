using System.Text.Json;
using System.Text.Json.Serialization;
using MarketingOps.Core.Access;
using MarketingOps.Host.Application;
using MarketingOps.Host.Dashboard;
using MarketingOps.Host.Web.OpenApi;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MarketingOps.Host.Web;

/// <summary>The web host's services: application services, JSON, authentication, policies, antiforgery, OpenAPI, MCP.</summary>
internal static class WebServices
{
    /// <summary>The scheme that picks the token handler when an Authorization header is present, else the session cookie.</summary>
    public const string Scheme = "mops";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>MCP takes tokens only (an assistant has no browser session), with any role; proposing needs editor.</summary>
    public const string McpPolicy = "mcp";

    /// <summary>The application services the API, the dashboard and MCP tools share; never a second code path.</summary>
    public static IServiceCollection AddMopsApplication(this IServiceCollection services)
    {
        services.TryAddSingleton<PostsApp>();
        services.TryAddSingleton<AccountsApp>();
        services.TryAddSingleton<ConnectionsApp>();
        services.TryAddSingleton<PendingAuthorizations>();
        services.TryAddSingleton<AccountActivityApp>();
        services.TryAddSingleton<InboxApp>();
        services.TryAddSingleton<AccessApp>();
        services.TryAddSingleton<HealthApp>();
        services.TryAddSingleton<ExperimentsApp>();
        services.TryAddSingleton<GuardrailsApp>();
        services.TryAddSingleton<ReportsApp>();
        services.TryAddSingleton<CalendarApp>();
        services.TryAddSingleton<ComposeApp>();
        services.TryAddSingleton<LinksApp>();
        services.TryAddSingleton<MediaLibrary>();
        return services;
    }

    public static IServiceCollection AddMopsWeb(this IServiceCollection services)
    {
        services.AddMopsApplication();
        services.AddRouting();
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        // The key ring lives in the client's store, so every node of a PostgreSQL cluster reads the others' cookies.
        services.AddDataProtection().SetApplicationName("MarketingOps.Web");
        services.AddOptions<KeyManagementOptions>().Configure<SqlXmlRepository>((o, repository) => o.XmlRepository = repository);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "token or session", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? TokenAuthenticationHandler.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "mops.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.Events = new SessionCookieEvents();
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<WebOptions>((o, web) => o.ExpireTimeSpan = web.SessionLifetime);

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<UserRole>())
        {
            authorization.AddPolicy(Policies.For(role), p => p.RequireAuthenticatedUser().RequireRole(AccessService.Describe(role)));
        }

        // An endpoint that forgot its policy is closed to everyone but owners (and the authorization-matrix test fails on it).
        authorization.SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(AccessService.Describe(UserRole.Owner)).Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "mops.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddMopsDashboard();
        services.AddSingleton<OneTimeSignIn>();
        services.AddSingleton<Events.EventHub>();
        services.AddHostedService(sp => sp.GetRequiredService<Events.EventHub>());
        services.AddMcpServer(o => o.ServerInfo = new ModelContextProtocol.Protocol.Implementation { Name = "mops", Version = "1.0" })
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools<Mcp.MopsMcpTools>();
        authorization.AddPolicy(McpPolicy, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(AccessService.Describe(UserRole.Viewer)));

        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<DocumentInfoTransformer>();
            o.AddOperationTransformer<RoleOperationTransformer>();
        });
        return services;
    }

    /// <summary>The API's JSON: camelCase, enums as names, unknown or missing fields refused rather than ignored.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.MaxDepth = 32;
    }
}
