using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.TestDoubles;

/// <summary>A platform that connects accounts: it records what the host hands it and answers as scripted.</summary>
internal sealed class ConnectingPlatform(string id, AccountSignIn signIn) : IPlatform, IAccountConnector
{
    private readonly ScriptedPlatform _inner = new(id);

    public PlatformDescriptor Descriptor => _inner.Descriptor;

    public AccountSignIn SignIn { get; } = signIn;

    public List<AuthorizationStart> Starts { get; } = [];

    public List<AuthorizationCallback> Callbacks { get; } = [];

    public AccountConnection Answer { get; set; } = new(ConnectionState.Connected) { Handle = "brand" };

    public DraftValidation Validate(PostDraft draft) => _inner.Validate(draft);

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) => _inner.PublishAsync(request, cancellationToken);

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => _inner.LookupAsync(request, cancellationToken);

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        _inner.GetMetricsAsync(account, postIds, cancellationToken);

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => _inner.DeleteAsync(account, postId, cancellationToken);

    public Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken)
    {
        Starts.Add(start);
        return Task.FromResult(new Uri($"https://auth.example/authorize?state={start.State}&code_challenge={start.CodeChallenge}"));
    }

    public Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken)
    {
        Callbacks.Add(callback);
        return Task.FromResult(Answer);
    }

    public Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken) => Task.FromResult(Answer);

    public AccountConnection DescribeConnection(string account) => new(ConnectionState.Unverified);

    public Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken) => Task.FromResult(Answer);
}
