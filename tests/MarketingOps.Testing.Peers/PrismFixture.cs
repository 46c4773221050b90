namespace MarketingOps.Testing.Peers;

/// <summary>A recording fake server with Prism in front of it, started once per test class.</summary>
public abstract class PrismFixture : IAsyncDisposable, Xunit.IAsyncLifetime
{
    private readonly string _spec;

    protected PrismFixture(string spec)
    {
        _spec = spec;
    }

    /// <summary>The fake platform behind Prism.</summary>
    public RecordingHttpServer Fake { get; } = new();

    /// <summary>Prism, when it started.</summary>
    public PrismProxy? Prism { get; private set; }

    /// <summary>Why Prism did not start.</summary>
    public string? Failure { get; private set; }

    /// <summary>Skips (or, in CI, fails) the running test when Prism is not available; returns Prism's URL.</summary>
    public Uri RequirePrism()
    {
        if (Prism is null)
        {
            PeerUnavailable.SkipOrFail(Failure ?? "Prism did not start");
        }

        return Prism!.BaseUrl;
    }

    public async ValueTask InitializeAsync()
    {
        (Prism, Failure) = await PrismProxy.StartAsync(_spec, Fake.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        if (Prism is not null)
        {
            await Prism.DisposeAsync();
        }

        Fake.Dispose();
        GC.SuppressFinalize(this);
    }
}
