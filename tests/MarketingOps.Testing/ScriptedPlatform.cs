using System.Collections.Concurrent;
using MarketingOps.Sdk;

namespace MarketingOps.Testing;

/// <summary>
/// A platform whose answers a test scripts: each publish takes the next scripted reaction (default: success),
/// and every call is recorded. Published posts are remembered, so lookups answer truthfully unless scripted.
/// Metrics answer per post id (<see cref="Answer"/>), in batches no larger than the descriptor allows.
/// </summary>
internal sealed class ScriptedPlatform : IPlatform
{
    private readonly ConcurrentQueue<Func<PublishRequest, CancellationToken, Task<PublishResult>>> _publishScript = new();
    private readonly ConcurrentQueue<Func<PublishRequest, Task<LookupResult>>> _lookupScript = new();
    private int _sequence;

    public ScriptedPlatform(string id = "fake", PlatformCapabilities capabilities = PlatformCapabilities.None, int maxLength = 280, IReadOnlyList<RateBudget>? budgets = null, RepeatProtection? protection = null, int metricsBatchSize = 100)
    {
        Descriptor = new PlatformDescriptor(id, "Fake " + id, capabilities, new PlatformLimits { MaxTextLength = maxLength, RateBudgets = budgets ?? [], MetricsBatchSize = metricsBatchSize })
        {
            RepeatProtection = protection,
        };
    }

    /// <summary>The experiments' platform: id "scripted", metrics in batches of <paramref name="batchSize"/>, every post's counters available (and empty) unless scripted.</summary>
    public static ScriptedPlatform Metrics(int batchSize) =>
        new("scripted", PlatformCapabilities.Metrics, maxLength: 500, metricsBatchSize: batchSize)
        {
            Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long>()),
        };

    public PlatformDescriptor Descriptor { get; }

    public ConcurrentQueue<PublishRequest> PublishCalls { get; } = new();

    public ConcurrentQueue<PublishRequest> LookupCalls { get; } = new();

    /// <summary>The post ids of every metrics call, in order.</summary>
    public List<IReadOnlyList<string>> MetricsCalls { get; } = [];

    /// <summary>The counters for a post id; null leaves the post out of the response. The default value leaves every post out.</summary>
    public Func<string, PostMetrics?> Answer { get; set; } = _ => null;

    /// <summary>Throws for a metrics call containing this post id.</summary>
    public string? FailOn { get; set; }

    /// <summary>Posts that exist on the "platform", by idempotency key.</summary>
    public ConcurrentDictionary<string, PublishedPost> Created { get; } = new();

    /// <summary>Runs inside every publish call, before it answers (to look at the store mid-call).</summary>
    public Func<PublishRequest, Task>? DuringPublish { get; set; }

    public ScriptedPlatform ThenPublish(Func<PublishRequest, CancellationToken, Task<PublishResult>> reaction)
    {
        _publishScript.Enqueue(reaction);
        return this;
    }

    public ScriptedPlatform ThenFail(PlatformErrorKind kind, string message, DateTimeOffset? retryAt = null, bool created = false) =>
        ThenPublish((request, _) =>
        {
            if (created)
            {
                Create(request);
            }

            return Task.FromResult(PublishResult.Failed(new PlatformError(kind, message) { RetryAt = retryAt }));
        });

    public ScriptedPlatform ThenThrow(Exception exception) => ThenPublish((_, _) => Task.FromException<PublishResult>(exception));

    public ScriptedPlatform ThenLookup(LookupResult result)
    {
        _lookupScript.Enqueue(_ => Task.FromResult(result));
        return this;
    }

    public ScriptedPlatform ThenLookupThrows(Exception exception)
    {
        _lookupScript.Enqueue(_ => Task.FromException<LookupResult>(exception));
        return this;
    }

    public DraftValidation Validate(PostDraft draft)
    {
        var problems = new List<string>();
        if (draft.Text.Length > Descriptor.Limits.MaxTextLength)
        {
            problems.Add($"longer than {Descriptor.Limits.MaxTextLength} characters");
        }

        if (draft.Text.Contains("forbidden", StringComparison.Ordinal))
        {
            problems.Add("contains a forbidden word");
        }

        return new DraftValidation(draft.Text.Length, Descriptor.Limits.MaxTextLength, problems);
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        PublishCalls.Enqueue(request);
        if (DuringPublish is not null)
        {
            await DuringPublish(request);
        }

        if (_publishScript.TryDequeue(out var reaction))
        {
            return await reaction(request, cancellationToken);
        }

        return PublishResult.Published(Create(request));
    }

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        LookupCalls.Enqueue(request);
        if (_lookupScript.TryDequeue(out var scripted))
        {
            return scripted(request);
        }

        return Task.FromResult(Created.TryGetValue(request.IdempotencyKey, out var post) ? LookupResult.Found(post) : LookupResult.NotFound);
    }

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        if (postIds.Count > Descriptor.Limits.MetricsBatchSize)
        {
            throw new ArgumentException($"batch of {postIds.Count} exceeds {Descriptor.Limits.MetricsBatchSize}");
        }

        MetricsCalls.Add(postIds);
        if (FailOn is not null && postIds.Contains(FailOn))
        {
            throw new HttpRequestException("network down");
        }

        return Task.FromResult<IReadOnlyList<PostMetrics>>([.. postIds.Select(Answer).OfType<PostMetrics>()]);
    }

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => Task.FromResult(DeleteResult.Deleted);

    public PublishedPost Create(PublishRequest request) =>
        Created.GetOrAdd(request.IdempotencyKey, _ =>
        {
            var id = "p" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new PublishedPost(id, new Uri($"https://{Descriptor.Id}.example/{request.Account}/{id}"), request.FirstAttemptAt);
        });
}
