using System.Text.Json;
using MarketingOps.Host.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Host.Web.Problems;

/// <summary>
/// Every error as an RFC 9457 problem (<c>application/problem+json</c>) naming the field by its JSON path; an
/// unexpected one is logged and answered with a trace id, never a stack trace or an exception message.
/// </summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody is left to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var problem = ToProblem(ex, context);
            context.Response.Clear();
            context.Response.StatusCode = problem.Status ?? 500;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = ex });
        }
    }

    private ProblemDetails ToProblem(Exception exception, HttpContext context)
    {
        switch (exception)
        {
            case ApiProblemException api:
                var details = api.Errors.Count > 0
                    ? new HttpValidationProblemDetails(api.Errors.ToDictionary(e => e.Key, e => e.Value)) { Status = api.Status, Title = api.Title, Detail = api.Message }
                    : new ProblemDetails { Status = api.Status, Title = api.Title, Detail = api.Message };
                foreach (var (key, value) in api.Extensions)
                {
                    details.Extensions[key] = value;
                }

                foreach (var (name, value) in api.Headers)
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers[name] = value;
                        return Task.CompletedTask;
                    });
                }

                return details;
            case BadHttpRequestException bad:
                return FromBadRequest(bad, context);
            default:
                logger.LogError(exception, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path.Value);
                return new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Unexpected error",
                    Detail = $"The host met an unexpected error; its log has the details under trace id {context.TraceIdentifier}.",
                };
        }
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad, HttpContext context)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = 413, Title = "Request body too large", Detail = "The request body is larger than this host accepts (Web:MaxRequestBodyBytes)." };
        }

        if (bad.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : string.Empty;
            var message = Clean(json.Message) + where;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = [message] })
            {
                Status = 400,
                Title = "The request body is not valid",
                Detail = $"{path}: {message}",
            };
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = 415, Title = "Unsupported media type", Detail = "Send the body as application/json." };
        }

        if (BindingFailure.Explain(bad, context) is { } binding)
        {
            return binding;
        }

        return new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = Clean(bad.Message) };
    }

    // System.Text.Json names .NET types in its messages; a client needs only the JSON side of the story.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return System.Text.RegularExpressions.Regex.Replace(text, @"'?MarketingOps\.[A-Za-z0-9_.]+'?", "the request", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
