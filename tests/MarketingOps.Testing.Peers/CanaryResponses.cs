using System.Text.Json;

namespace MarketingOps.Testing.Peers;

/// <summary>A hostile fake: it fails every call and echoes the request's credentials back in every error field.</summary>
public static class CanaryResponses
{
    public static IReadOnlyList<CanaryFailure> All { get; } = Enum.GetValues<CanaryFailure>();

    /// <summary>A handler failing with <paramref name="failure"/>, quoting the Authorization header and body in its error.</summary>
    public static Func<RecordedRequest, FakeResponse> Failing(CanaryFailure failure, TimeSpan timeoutDelay) => request =>
    {
        var echo = $"rejected credentials '{request.Header("Authorization")}' for body {request.BodyText} query {request.Query}";
        var body = JsonSerializer.Serialize(new { error = "InvalidToken " + echo, message = echo, detail = echo, title = echo, code = 0 });
        return failure switch
        {
            CanaryFailure.Unauthorized401 => new FakeResponse(401, body),
            CanaryFailure.Forbidden403 => new FakeResponse(403, body),
            CanaryFailure.RateLimited429 => new FakeResponse(429, body) { Headers = new Dictionary<string, string> { ["Retry-After"] = "60" } },
            CanaryFailure.ServerError500 => new FakeResponse(500, body),
            _ => new FakeResponse(500, body) { Delay = timeoutDelay },
        };
    };

    /// <summary>Fails when <paramref name="canary"/> occurs in any of <paramref name="texts"/>.</summary>
    public static void AssertAbsent(string canary, IEnumerable<string?> texts)
    {
        var leaks = texts.Where(t => t is not null && t.Contains(canary, StringComparison.Ordinal)).ToList();
        Xunit.Assert.True(leaks.Count == 0, $"The canary leaked into {leaks.Count} message(s):\n{string.Join("\n", leaks.Select(l => l!.Replace(canary, "<CANARY>", StringComparison.Ordinal)))}");
    }
}
