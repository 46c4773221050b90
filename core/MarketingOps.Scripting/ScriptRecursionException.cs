namespace MarketingOps.Scripting;

/// <summary>Thrown when a script recurses so deeply that it would overflow the stack and take the host down.</summary>
public sealed class ScriptRecursionException : Exception
{
    /// <summary>Creates the exception with its standard message.</summary>
    public ScriptRecursionException()
        : base("The script recursed too deeply and was stopped before it could overflow the stack.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScriptRecursionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ScriptRecursionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
