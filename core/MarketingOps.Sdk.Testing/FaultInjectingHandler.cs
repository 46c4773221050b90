using System.Net;
using System.Text;

namespace MarketingOps.Sdk.Testing;

/// <summary>
/// The innermost HTTP handler the kit gives a plugin (through <c>IPluginRegistrar.CreateHttpMessageHandler</c>): it
/// records every request in the tap and injects the tap's armed fault into the next write (a request that is not
/// GET or HEAD, or only the tap's target), after or before it reached the network.
/// </summary>
internal sealed class FaultInjectingHandler(NetworkTap tap) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var described = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        tap.Record(described);
        var fault = tap.Fault;
        if (!tap.Takes(described, isWrite: request.Method != HttpMethod.Get && request.Method != HttpMethod.Head))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        switch (fault)
        {
            case HttpFault.Unreachable:
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (injected by the conformance kit)");
            case HttpFault.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                throw new OperationCanceledException(cancellationToken);
            case HttpFault.EchoCredentials:
                var echo = $"invalid credentials '{request.Headers.Authorization}' for {request.RequestUri} with body {(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken))}";
                return new HttpResponseMessage(HttpStatusCode.Unauthorized)
                {
                    RequestMessage = request,
                    Content = new StringContent($$"""{"error":{{System.Text.Json.JsonSerializer.Serialize(echo)}},"message":{{System.Text.Json.JsonSerializer.Serialize(echo)}},"detail":{{System.Text.Json.JsonSerializer.Serialize(echo)}}}""", Encoding.UTF8, "application/json"),
                };
        }

        using var applied = await base.SendAsync(request, cancellationToken);
        tap.SwallowedAnswer = await applied.Content.ReadAsStringAsync(cancellationToken);
        if (fault == HttpFault.ServerErrorAfterSending)
        {
            return new HttpResponseMessage(HttpStatusCode.InternalServerError) { RequestMessage = request, Content = new StringContent("""{"error":"Internal server error"}""", Encoding.UTF8, "application/json") };
        }

        // What HttpClient throws when its timeout passes after the request went out.
        throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.", new TimeoutException("The operation was canceled."));
    }
}
