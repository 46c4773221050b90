using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MopsPlatform;

/// <summary>
/// The platform the host publishes through. The host calls it from its publish pipeline, after the guardrails, never
/// twice at once for one account, with the same idempotency key on every attempt of one post.
/// </summary>
internal sealed class NetworkPlatform : IPlatform
{
    /// <summary>The most ids one metrics request answers; the host never asks for more at once.</summary>
    private const int MetricsPage = 20;

    private readonly NetworkSettings _settings;
    private readonly InMemoryNetwork _network;
    private readonly ISecretStore _secrets;
    private readonly ILogger _logger;

    public NetworkPlatform(NetworkSettings settings, InMemoryNetwork network, IPluginRegistrar registrar)
    {
        _settings = settings;
        _network = network;
        _secrets = registrar.Secrets;
        _logger = registrar.LoggerFactory.CreateLogger("MopsPlatform");
        Descriptor = new PlatformDescriptor(
            registrar.Manifest.Id,
            registrar.Manifest.DisplayName ?? registrar.Manifest.Id,
            PlatformCapabilities.Idempotency | PlatformCapabilities.Metrics,
            new PlatformLimits { MaxTextLength = settings.MaxTextLength, LengthRule = TextLengthRule.Graphemes, MaxMedia = 0, MetricsBatchSize = MetricsPage })
        {
            // The network answers a repeated key with the post the first request created, however late the repeat.
            RepeatProtection = RepeatProtection.RecordKey,
        };
    }

    public PlatformDescriptor Descriptor { get; }

    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var length = Graphemes.Count(draft.Text);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            problems.Add("The text is empty.");
        }

        if (length > _settings.MaxTextLength)
        {
            problems.Add($"The text is {length} characters; {Descriptor.DisplayName} takes at most {_settings.MaxTextLength}.");
        }

        if (draft.Media.Count > 0)
        {
            problems.Add($"{Descriptor.DisplayName} takes no media.");
        }

        if (draft.Kind == MessageKind.DirectMessage)
        {
            problems.Add($"{Descriptor.DisplayName} has no direct messages.");
        }

        return new DraftValidation(length, _settings.MaxTextLength, problems);
    }

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        // Check the draft again: what Validate refuses is never sent, and the answer is Rejected.
        var validation = Validate(request.Draft);
        if (!validation.IsValid)
        {
            return Task.FromResult(PublishResult.Failed(new PlatformError(PlatformErrorKind.Rejected, string.Join(" ", validation.Problems))));
        }

        // Never log a token, and never put one into an error: the kit plants a canary to catch it.
        if (_secrets.GetSecret(TokenName(request.Account)) is null)
        {
            return Task.FromResult(PublishResult.Failed(new PlatformError(PlatformErrorKind.Unauthorized, $"no token for account '{request.Account}': set it with `mops secrets set {TokenName(request.Account)}`")));
        }

        var post = _network.Create(request.Account, request.Draft.Text, request.IdempotencyKey);
        if (_settings.LoseAnswers)
        {
            // The post exists but its answer never came: the host must look it up, so this is Ambiguous, never Rejected.
            return Task.FromResult(PublishResult.Failed(new PlatformError(PlatformErrorKind.Ambiguous, "the network did not answer in time; the post may exist")));
        }

        Log.Published(_logger, post.Id, request.Account);
        return Task.FromResult(PublishResult.Published(ToPublished(post)));
    }

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_network.FindByKey(request.IdempotencyKey) is { } post ? LookupResult.Found(ToPublished(post)) : LookupResult.NotFound);
    }

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<PostMetrics> metrics = [.. postIds.Select(id => _network.Find(id) is { } post && post.Account == account
            ? new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = _network.Impressions(post) })
            : new PostMetrics(id, MetricsStatus.Unavailable, new Dictionary<string, long>()))];
        return Task.FromResult(metrics);
    }

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_network.Find(postId) is { } post && post.Account == account && _network.Delete(postId)
            ? DeleteResult.Deleted
            : new DeleteResult(new PlatformError(PlatformErrorKind.Rejected, $"no post {postId} of account '{account}'")));
    }

    private string TokenName(string account) => $"{Descriptor.Id}/{account}/token";

    private PublishedPost ToPublished(NetworkPost post) =>
        new(post.Id, new Uri($"https://{Descriptor.Id}.invalid/@{Uri.EscapeDataString(post.Account)}/{post.Id}"), post.CreatedAt);
}
