using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Benchmarks.Guardrails;

/// <summary>An X-like platform and registry for the guardrail benchmark: validation only, nothing is ever sent.</summary>
internal sealed class BenchmarkPlatform : IPlatform, IPlatformRegistry
{
    private readonly ClientAccount _account = new("acme", "x", TimeZoneInfo.Utc);

    public PlatformDescriptor Descriptor { get; } = new(
        "x",
        "X",
        PlatformCapabilities.Replies | PlatformCapabilities.DirectMessages,
        new PlatformLimits { MaxTextLength = 280 })
    {
        // Caps high enough that the benchmark measures lookups, not early rejections.
        Automation = new AutomationRules { PostsPerDay = 1_000_000, RepliesPerHour = 1_000_000, DirectMessagesPerDay = 1_000_000 },
    };

    public IReadOnlyList<ClientAccount> Accounts => [_account];

    public IReadOnlyList<IPlatform> Platforms => [this];

    public ClientAccount? FindAccount(string name) => string.Equals(name, _account.Name, StringComparison.OrdinalIgnoreCase) ? _account : null;

    public IPlatform? FindPlatform(string platformId) => platformId == "x" ? this : null;

    public DraftValidation Validate(PostDraft draft) => new(draft.Text.Length, 280, draft.Text.Length > 280 ? ["too long"] : []);

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
