using System.Net;
using System.Text.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>
/// Every operation of the generated OpenAPI document, called by nobody and by every role: anonymous gets 401, each
/// role below the operation's minimum gets 403, the minimum role gets through, and nothing answers 500. An operation
/// that names no role (an endpoint without an explicit policy) fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    // Operations that change nothing although they are POSTs, or that every caller needs.
    private static readonly HashSet<string> ReadOnlyPosts = new(StringComparer.Ordinal)
    {
        "POST /api/v1/session", "DELETE /api/v1/session", "POST /api/v1/guardrails/check",
        "POST /api/v1/stats/proportions", "POST /api/v1/stats/srm", "POST /api/v1/stats/samplesize",
    };

    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() => _api = await ApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Every_operation_names_its_role_and_enforces_it()
    {
        using var anonymous = _api.Anonymous();
        var document = await ApiJson.ReadAsync(await anonymous.GetAsync("/openapi/v1.json"));
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations in the document");

        var unmarked = operations.Where(o => o.Role is null).Select(o => o.Key).ToList();
        Assert.True(unmarked.Count == 0, "operations without an explicit policy: " + string.Join(", ", unmarked));

        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var minimum = operation.Role!;
            if (operation.Method != "GET" && minimum is "viewer" && !ReadOnlyPosts.Contains(operation.Key))
            {
                failures.Add($"{operation.Key}: changes state but admits viewers");
            }

            if ((operation.Path.StartsWith("/api/v1/users", StringComparison.Ordinal) || operation.Path.StartsWith("/api/v1/tokens", StringComparison.Ordinal)) && minimum != "owner")
            {
                failures.Add($"{operation.Key}: users and tokens are for owners, but it admits {minimum}");
            }

            if (minimum == "anonymous")
            {
                var open = await SendAsync(anonymous, operation);
                if ((int)open is 401 or 403 or >= 500)
                {
                    failures.Add($"{operation.Key} anonymous: {(int)open}, expected it open");
                }

                continue;
            }

            var status = await SendAsync(anonymous, operation);
            if (status != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{operation.Key} anonymous: {(int)status}, expected 401");
            }

            var required = AccessService.ParseRole(minimum);
            foreach (var role in Enum.GetValues<UserRole>())
            {
                using var client = _api.As(role);
                var answer = await SendAsync(client, operation);
                if ((int)answer >= 500)
                {
                    failures.Add($"{operation.Key} as {role}: {(int)answer}");
                }
                else if (role < required && answer != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{operation.Key} as {role}: {(int)answer}, expected 403 (needs {minimum})");
                }
                else if (role >= required && answer is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    failures.Add($"{operation.Key} as {role}: {(int)answer}, expected it allowed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Operation operation)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "{[^}]+}", "no-such-thing");
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = ApiJson.Raw("{}");
        }

        // Headers only: an event stream would never end.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var role = method.Value.TryGetProperty("x-mops-role", out var r) ? r.GetString() : null;
                yield return new Operation(method.Name.ToUpperInvariant(), path.Name, role);
            }
        }
    }

    private sealed record Operation(string Method, string Path, string? Role)
    {
        public string Key => $"{Method} {Path}";
    }
}
