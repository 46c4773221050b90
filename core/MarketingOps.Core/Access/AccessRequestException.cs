namespace MarketingOps.Core.Access;

/// <summary>A request about users or tokens that cannot be done as asked; the message says why.</summary>
public sealed class AccessRequestException : Exception
{
    public AccessRequestException(string message, string? field = null)
        : base(message)
    {
        Field = field;
    }

    public AccessRequestException()
    {
    }

    public AccessRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The field of the request the problem is in, when there is one (<c>name</c>, <c>role</c>, …).</summary>
    public string? Field { get; }

    /// <summary>Nothing with that name or id exists.</summary>
    public bool NotFound { get; init; }
}
