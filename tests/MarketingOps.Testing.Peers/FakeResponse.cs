namespace MarketingOps.Testing.Peers;

/// <summary>What the fake server answers: a status, a JSON body, headers, and an optional delay before answering.</summary>
public sealed record FakeResponse(int Status, string Body = "")
{
    /// <summary>Extra response headers. The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long to wait before answering (to make the client time out). The default value is zero.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The body's content type. The default value is application/json.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>A 200 with a JSON body.</summary>
    public static FakeResponse Json(string body, int status = 200) => new(status, body);
}
