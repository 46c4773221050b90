namespace MarketingOps.Host.Application;

/// <summary>
/// A request the application refuses, with what an RFC 9457 problem needs: the status, a title, the detail and, per
/// field (a JSON path such as <c>$.text</c>, or a query parameter), what is wrong with it.
/// </summary>
internal sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public ApiProblemException()
        : this(400, "Bad request", "The request was refused.")
    {
    }

    public ApiProblemException(string message)
        : this(400, "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Title = "Bad request";
        Errors = new Dictionary<string, string[]>();
    }

    public int Status { get; }

    public string Title { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Response headers that go with the problem (<c>Retry-After</c>, <c>ETag</c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>More members for the problem document (a guardrail verdict, the current ETag).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    public static ApiProblemException Invalid(string field, string message) =>
        new(400, "The request has a problem", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblemException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "The request has problems", string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), errors);

    public static ApiProblemException NotFound(string what) => new(404, "Not found", what);

    public static ApiProblemException Conflict(string detail) => new(409, "Conflict", detail);

    public static ApiProblemException PreconditionFailed(string detail, string? currentETag)
    {
        var problem = new ApiProblemException(412, "The resource has changed", detail);
        if (currentETag is not null)
        {
            problem.Extensions["currentETag"] = currentETag;
            problem.Headers["ETag"] = currentETag;
        }

        return problem;
    }
}
