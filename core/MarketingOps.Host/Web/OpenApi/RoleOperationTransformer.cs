using System.Text.Json.Nodes;
using MarketingOps.Core.Access;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MarketingOps.Host.Web.OpenApi;

/// <summary>
/// Writes each operation's lowest role into <c>x-mops-role</c> (or <c>anonymous</c>) from the endpoint's own
/// authorization metadata, with the matching security requirement; an operation without a policy gets neither, and
/// the authorization-matrix test fails on it.
/// </summary>
internal sealed class RoleOperationTransformer : IOpenApiOperationTransformer
{
    public const string Extension = "x-mops-role";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var role = RoleOf(metadata);
        if (role is null)
        {
            return Task.CompletedTask;
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(role));
        if (role != "anonymous")
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentInfoTransformer.BearerScheme, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentInfoTransformer.CookieScheme, context.Document)] = [] });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the token is unknown, revoked or expired." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The caller's role is below {role}." });
        }

        return Task.CompletedTask;
    }

    /// <summary>The lowest role an endpoint admits: a role name, <c>anonymous</c>, or null when it has no explicit policy.</summary>
    public static string? RoleOf(IEnumerable<object> metadata)
    {
        var list = metadata.ToList();
        if (list.OfType<IAllowAnonymous>().Any())
        {
            return "anonymous";
        }

        var roles = list.OfType<IAuthorizeData>().Select(a => Policies.RoleOf(a.Policy)).Where(r => r is not null).Select(r => r!.Value).ToList();
        return roles.Count == 0 ? null : AccessService.Describe(roles.Max());
    }
}
