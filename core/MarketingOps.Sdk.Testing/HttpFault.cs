namespace MarketingOps.Sdk.Testing;

/// <summary>What the kit's HTTP handler does to one request.</summary>
public enum HttpFault
{
    /// <summary>Passes it through.</summary>
    None,

    /// <summary>The request reaches the network and is applied, but the answer is lost (a timeout after sending).</summary>
    LostAnswer,

    /// <summary>The request reaches the network and is applied, but the answer is a 500.</summary>
    ServerErrorAfterSending,

    /// <summary>The request never leaves (connection refused).</summary>
    Unreachable,

    /// <summary>The request reaches the network and no answer comes until the caller cancels.</summary>
    Hang,

    /// <summary>A hostile network: answers 401 echoing the request's credentials and body back.</summary>
    EchoCredentials,
}
