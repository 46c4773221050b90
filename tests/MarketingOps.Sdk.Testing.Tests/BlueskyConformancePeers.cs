using System.Text.Json;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>The real Bluesky PDS with a fresh account, and a fake app view on loopback (the PDS runs none) that answers metrics from it.</summary>
public sealed class BlueskyConformancePeers : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private BlueskyAppViewFake? _appView;

    /// <summary>The PDS, when it answers.</summary>
    public Uri? Pds { get; private set; }

    /// <summary>The account the plugin posts from; its password is the canary.</summary>
    public PdsAccount? Account { get; private set; }

    /// <summary>The fake app view.</summary>
    public RecordingHttpServer AppView { get; } = new();

    /// <summary>Why the PDS is not there.</summary>
    public string? Failure { get; private set; }

    /// <summary>Skips (or, in CI, fails) the running test when the PDS is not available.</summary>
    public (Uri Pds, PdsAccount Account) Require()
    {
        if (Pds is null || Account is null)
        {
            PeerUnavailable.SkipOrFail(Failure ?? "the Bluesky PDS did not start");
        }

        return (Pds!, Account!);
    }

    public async ValueTask InitializeAsync()
    {
        (Pds, Failure) = await PdsPeer.EnsureAsync();
        if (Pds is null)
        {
            return;
        }

        try
        {
            Account = await PdsPeer.CreateAccountAsync(_http, Pds, "kit");
            _appView = new BlueskyAppViewFake(Pds);
            AppView.Handler = _appView.Answer;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException)
        {
            (Pds, Failure) = (null, $"could not create a test account on the PDS: {e.Message}");
        }
    }

    public ValueTask DisposeAsync()
    {
        AppView.Dispose();
        _appView?.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
