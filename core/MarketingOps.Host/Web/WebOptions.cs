using System.Net;

namespace MarketingOps.Host.Web;

/// <summary>The HTTP API's settings (configuration section <c>Web</c>).</summary>
internal sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>Where Kestrel listens, separated by <c>;</c>. The default value is <c>http://127.0.0.1:5080</c> (loopback only).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Listening on anything but loopback must be asked for explicitly. The default value is false.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>The largest request body accepted, in bytes. The default value is 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a browser session lasts without use. The default value is 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Every problem with these settings, each naming its key.</summary>
    public IReadOnlyList<(string Key, string Message)> Problems()
    {
        var problems = new List<(string Key, string Message)>();
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add(("Web:Urls", $"'{url}' is not an http:// or https:// URL."));
            }
            else if (!AllowRemote && !IsLoopback(uri.Host))
            {
                problems.Add(("Web:Urls", $"'{url}' listens beyond this machine; set Web:AllowRemote to true to expose the API on purpose (loopback only by default)."));
            }
        }

        if (MaxRequestBodyBytes < 1024)
        {
            problems.Add(("Web:MaxRequestBodyBytes", "at least 1024."));
        }

        if (SessionLifetime <= TimeSpan.Zero)
        {
            problems.Add(("Web:SessionLifetime", "must be positive."));
        }

        return problems;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
