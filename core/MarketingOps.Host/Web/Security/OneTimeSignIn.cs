using System.Security.Cryptography;
using System.Text;

namespace MarketingOps.Host.Web.Security;

/// <summary>
/// Sign-in links that work once (<c>/login/once/CODE</c>), issued by the process that serves the dashboard (the demo's
/// <c>--serve</c>) and held in its memory only: a restart forgets them. Only the code's SHA-256 hash is kept.
/// </summary>
internal sealed class OneTimeSignIn(TimeProvider time)
{
    private readonly Dictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>A new code that signs <paramref name="userName"/> in once within <paramref name="lifetime"/>, then leads to <paramref name="then"/>.</summary>
    public string Issue(string userName, string then, TimeSpan lifetime)
    {
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        lock (_gate)
        {
            _grants[Hash(code)] = new Grant(userName, then, time.GetUtcNow() + lifetime);
        }

        return code;
    }

    /// <summary>Whether <paramref name="code"/> would sign someone in now (it is not used up by asking).</summary>
    public bool IsValid(string? code)
    {
        lock (_gate)
        {
            return Find(code) is not null;
        }
    }

    /// <summary>The user and next page <paramref name="code"/> stands for, using it up; null when it is unknown, used or expired.</summary>
    public (string UserName, string Then)? Redeem(string? code)
    {
        lock (_gate)
        {
            if (Find(code) is not { } grant)
            {
                return null;
            }

            _grants.Remove(Hash(code!));
            return (grant.UserName, grant.Then);
        }
    }

    private Grant? Find(string? code) =>
        code is { Length: > 0 and <= 100 } && _grants.TryGetValue(Hash(code), out var grant) && grant.ExpiresAt > time.GetUtcNow() ? grant : null;

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private sealed record Grant(string UserName, string Then, DateTimeOffset ExpiresAt);
}
