// A platform plugin compiled against MarketingOps.Sdk 1.0.0 (git tag sdk-1.0.0-baseline) and kept as a binary in
// built/: the compatibility test loads that binary into the current host. It touches as much of the 1.0 surface as it
// can (records with init properties, static factories, enums, the registrar's members, an optional capability), so a
// breaking change to any of them fails the test with a MissingMethodException or TypeLoadException.
using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace OldSdk.Fixture;

/// <summary>The entry point, as a 1.0 plugin wrote it.</summary>
public sealed class OldSdkEntryPoint : IPluginEntryPoint
{
    /// <inheritdoc />
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings) =>
        settings["prefix"] is { Length: > 20 } ? [new SettingsProblem("prefix", "at most 20 characters")] : [];

    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var logger = registrar.LoggerFactory.CreateLogger("OldSdk.Fixture");
        logger.LogInformation("Old SDK fixture {Version} registering {Count} account(s)", registrar.Manifest.Version, registrar.Accounts.Count);
        registrar.AddPlatform(new OldSdkPlatform(registrar.Manifest.Id, registrar.Settings["prefix"] ?? "old", registrar.Secrets, registrar.Clock));
    }
}

/// <summary>An in-memory network that de-duplicates by idempotency key.</summary>
public sealed class OldSdkPlatform(string id, string prefix, ISecretStore secrets, TimeProvider clock) : IPlatform, IAudienceSource
{
    private readonly Dictionary<string, PublishedPost> _byKey = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public PlatformDescriptor Descriptor { get; } = new(
        id,
        "Old SDK fixture",
        PlatformCapabilities.Idempotency | PlatformCapabilities.Metrics | PlatformCapabilities.Delete | PlatformCapabilities.AudienceEvents,
        new PlatformLimits { MaxTextLength = 200, LengthRule = TextLengthRule.Graphemes, MaxMedia = 0, MetricsBatchSize = 10, RateBudgets = [new RateBudget("publish", 100, TimeSpan.FromHours(1))] })
    {
        Automation = new AutomationRules { AllowsVariantPosts = true, PostsPerDay = 40 },
    };

    /// <inheritdoc />
    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var length = new StringInfo(draft.Text).LengthInTextElements;
        List<string> problems = [];
        if (length > Descriptor.Limits.MaxTextLength)
        {
            problems.Add($"longer than {Descriptor.Limits.MaxTextLength}");
        }

        if (draft.Kind != MessageKind.Post || draft.Media.Count > 0)
        {
            problems.Add("only text posts");
        }

        return new DraftValidation(length, Descriptor.Limits.MaxTextLength, problems);
    }

    /// <inheritdoc />
    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Validate(request.Draft).IsValid)
        {
            return Task.FromResult(PublishResult.Failed(new PlatformError(PlatformErrorKind.Rejected, "invalid") { Code = "invalid" }));
        }

        _ = secrets.GetSecret($"{Descriptor.Id}/{request.Account}/token");
        lock (_byKey)
        {
            if (!_byKey.TryGetValue(request.IdempotencyKey, out var post))
            {
                var postId = $"{prefix}-{_byKey.Count + 1}";
                post = new PublishedPost(postId, new Uri($"https://old.invalid/{postId}"), clock.GetUtcNow());
                _byKey[request.IdempotencyKey] = post;
            }

            return Task.FromResult(PublishResult.Published(post));
        }
    }

    /// <inheritdoc />
    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_byKey)
        {
            return Task.FromResult(_byKey.TryGetValue(request.IdempotencyKey, out var post) ? LookupResult.Found(post) : LookupResult.NotFound);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        IReadOnlyList<PostMetrics> metrics = [.. postIds.Select(p => new PostMetrics(p, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = 10, [MetricNames.Likes] = 1 }))];
        return Task.FromResult(metrics);
    }

    /// <inheritdoc />
    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) =>
        Task.FromResult(postId.StartsWith(prefix, StringComparison.Ordinal) ? DeleteResult.Deleted : new DeleteResult(new PlatformError(PlatformErrorKind.Rejected, "unknown post")));

    /// <inheritdoc />
    public Task<IReadOnlyList<AudienceEvent>> GetEventsAsync(string account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        IReadOnlyList<AudienceEvent> events = [new AudienceEvent("e1", AudienceEventKind.Mention, "@ana", since.AddMinutes(1), "hello", "p1")];
        return Task.FromResult(events);
    }

    /// <inheritdoc />
    public Task<PublicProfile?> GetProfileAsync(string account, string handle, CancellationToken cancellationToken) =>
        Task.FromResult<PublicProfile?>(new PublicProfile(handle, "Ana", "bio", ["first"]));
}
