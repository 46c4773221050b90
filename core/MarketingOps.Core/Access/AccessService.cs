using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Access;

/// <summary>
/// Users, passwords and personal API tokens: what <c>mops users</c>, <c>mops tokens</c>, the API and the dashboard
/// all call. Passwords go through Identity's <see cref="PasswordHasher{TUser}"/>; token secrets are random and kept
/// only as SHA-256 hashes.
/// </summary>
internal sealed partial class AccessService(AccessStore store, IOptions<AccessOptions> options, TimeProvider time)
{
    /// <summary>Every token starts with this, so a leaked one is recognisable (secret scanners look for prefixes).</summary>
    public const string TokenPrefix = "mops_";
    private const int TokenIdLength = 16;
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly PasswordHasher<MopsUser> _hasher = new();
    private readonly AccessOptions _options = options.Value;

    // A hash to verify against when the name is unknown, so timing does not tell names apart.
    private readonly Lazy<string> _decoyHash = new(() => new PasswordHasher<MopsUser>().HashPassword(new MopsUser("-", "-", UserRole.Viewer), RandomNumberGenerator.GetHexString(32)));

    public string StoreDescription => store.Description;

    /// <summary>Adds a user; with no password one is generated and returned (shown once).</summary>
    public async Task<(MopsUser User, string? GeneratedPassword)> AddUserAsync(string name, UserRole role, string? password, CancellationToken cancellationToken)
    {
        CheckName(name, "name");
        CheckRole(role);
        var generated = password is null ? GeneratePassword() : null;
        var secret = password ?? generated!;
        CheckPassword(secret);
        var now = time.GetUtcNow();
        var user = new MopsUser(Guid.CreateVersion7(now).ToString("N"), name, role)
        {
            SecurityStamp = NewStamp(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        user = user with { PasswordHash = _hasher.HashPassword(user, secret) };
        if (!await store.AddUserAsync(user, cancellationToken))
        {
            throw new AccessRequestException($"A user named '{name}' already exists (names ignore case).", "name");
        }

        return (user, generated);
    }

    public Task<IReadOnlyList<MopsUser>> ListUsersAsync(CancellationToken cancellationToken) => store.ListUsersAsync(cancellationToken);

    public Task<MopsUser?> FindUserAsync(string nameOrId, CancellationToken cancellationToken) => store.FindUserAsync(nameOrId, cancellationToken);

    /// <summary>Removes a user and revokes their tokens; the last owner cannot be removed.</summary>
    public async Task<MopsUser> RemoveUserAsync(string name, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(name, cancellationToken);
        if (user.Role == UserRole.Owner && await store.CountOwnersAsync(cancellationToken) <= 1)
        {
            throw new AccessRequestException($"'{user.Name}' is the last owner; add another owner before removing this one.", "name");
        }

        await store.RemoveUserAsync(user.Id, time.GetUtcNow(), cancellationToken);
        return user;
    }

    /// <summary>Sets a new password (generated when none is given), ends the lockout and signs out every session.</summary>
    public async Task<(MopsUser User, string? GeneratedPassword)> ResetPasswordAsync(string name, string? password, CancellationToken cancellationToken)
    {
        var user = await RequireUserAsync(name, cancellationToken);
        var generated = password is null ? GeneratePassword() : null;
        var secret = password ?? generated!;
        CheckPassword(secret);
        var next = user with
        {
            PasswordHash = _hasher.HashPassword(user, secret),
            SecurityStamp = NewStamp(),
            FailedLogins = 0,
            LockoutUntil = null,
            UpdatedAt = time.GetUtcNow(),
        };
        await store.UpdateUserAsync(next, cancellationToken);
        return (next, generated);
    }

    /// <summary>Checks a password; repeated failures lock the user out for <see cref="AccessOptions.LockoutDuration"/>.</summary>
    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = string.IsNullOrWhiteSpace(name) ? null : await store.FindUserAsync(name, cancellationToken);
        if (user is null)
        {
            _hasher.VerifyHashedPassword(new MopsUser("-", "-", UserRole.Viewer), _decoyHash.Value, password ?? string.Empty);
            return new SignInResult(SignInOutcome.Failed);
        }

        if (user.LockoutUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: until);
        }

        var verdict = _hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? string.Empty);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = user.FailedLogins + 1;
            var locked = failures >= _options.MaxFailedSignIns ? now + _options.LockoutDuration : (DateTimeOffset?)null;
            await store.UpdateUserAsync(user with { FailedLogins = locked is null ? failures : 0, LockoutUntil = locked, UpdatedAt = now }, cancellationToken);
            return locked is null ? new SignInResult(SignInOutcome.Failed) : new SignInResult(SignInOutcome.LockedOut, LockedUntil: locked);
        }

        var signedIn = user with
        {
            FailedLogins = 0,
            LockoutUntil = null,
            PasswordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(user, password!) : user.PasswordHash,
            UpdatedAt = now,
        };
        if (signedIn != user)
        {
            await store.UpdateUserAsync(signedIn, cancellationToken);
        }

        return new SignInResult(SignInOutcome.Succeeded, signedIn);
    }

    /// <summary>
    /// Creates a token with <paramref name="role"/>, for <paramref name="userName"/> when given (never above the
    /// user's role). The value is returned once; only its hash is stored.
    /// </summary>
    public async Task<IssuedToken> CreateTokenAsync(string name, UserRole role, string? userName, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        CheckName(name, "name");
        CheckRole(role);
        MopsUser? user = null;
        if (userName is not null)
        {
            user = await RequireUserAsync(userName, cancellationToken);
            if (role > user.Role)
            {
                throw new AccessRequestException($"A token cannot do more than its user: '{user.Name}' is {Describe(user.Role)}, the token asks for {Describe(role)}.", "role");
            }
        }

        if (lifetime is { } span && span <= TimeSpan.Zero)
        {
            throw new AccessRequestException("A token's lifetime must be positive.", "expiresIn");
        }

        var now = time.GetUtcNow();
        var id = RandomNumberGenerator.GetHexString(TokenIdLength, lowercase: true);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(id, name, role)
        {
            UserId = user?.Id,
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = lifetime is { } life ? now + life : null,
        };
        await store.AddTokenAsync(token, cancellationToken);
        return new IssuedToken(token, $"{TokenPrefix}{id}_{secret}");
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(string? userId, CancellationToken cancellationToken)
    {
        var tokens = await store.ListTokensAsync(cancellationToken);
        return userId is null ? tokens : tokens.Where(t => t.UserId == userId).ToList();
    }

    /// <summary>Revokes a token by id or by name (a name must match one active token).</summary>
    public async Task<ApiToken> RevokeTokenAsync(string idOrName, string? userId, CancellationToken cancellationToken)
    {
        var tokens = await ListTokensAsync(userId, cancellationToken);
        var now = time.GetUtcNow();
        var matches = tokens.Where(t => t.Id == idOrName).ToList();
        if (matches.Count == 0)
        {
            matches = tokens.Where(t => string.Equals(t.Name, idOrName, StringComparison.OrdinalIgnoreCase) && t.IsActive(now)).ToList();
        }

        if (matches.Count == 0)
        {
            throw new AccessRequestException($"No active token with id or name '{idOrName}'.", "id") { NotFound = true };
        }

        if (matches.Count > 1)
        {
            throw new AccessRequestException($"{matches.Count} active tokens are named '{idOrName}'; revoke one by its id ({string.Join(", ", matches.Select(t => t.Id))}).", "id");
        }

        await store.RevokeTokenAsync(matches[0].Id, now, cancellationToken);
        return matches[0] with { RevokedAt = now };
    }

    /// <summary>The active token a presented value stands for, with its user; null for anything else. Records the use.</summary>
    public async Task<(ApiToken Token, MopsUser? User)?> AuthenticateTokenAsync(string value, CancellationToken cancellationToken)
    {
        if (!TryParse(value, out var id, out var secret))
        {
            return null;
        }

        var token = await store.GetTokenAsync(id, cancellationToken);
        var now = time.GetUtcNow();
        if (token is null || !token.IsActive(now)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(token.SecretHash)))
        {
            return null;
        }

        MopsUser? user = null;
        if (token.UserId is not null)
        {
            user = await store.FindUserAsync(token.UserId, cancellationToken);
            if (user is null)
            {
                return null;
            }
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt >= _options.LastUsedResolution)
        {
            await store.TouchTokenAsync(token.Id, now, cancellationToken);
            token = token with { LastUsedAt = now };
        }

        // A user demoted after the token was made takes the token down with them.
        var role = user is null ? token.Role : (UserRole)Math.Min((int)token.Role, (int)user.Role);
        return (token with { Role = role }, user);
    }

    public static string Describe(UserRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Reads a role as the CLI and API spell it: owner, editor, approver or viewer.</summary>
    public static UserRole ParseRole(string? text, string field = "role") =>
        Enum.TryParse<UserRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _)
            ? role
            : throw new AccessRequestException($"'{text}' is not a role; use owner, editor, approver or viewer.", field);

    private async Task<MopsUser> RequireUserAsync(string name, CancellationToken cancellationToken) =>
        await store.FindUserAsync(name, cancellationToken)
        ?? throw new AccessRequestException($"No user named '{name}'.", "name") { NotFound = true };

    private void CheckPassword(string password)
    {
        if (password.Length < _options.MinimumPasswordLength)
        {
            throw new AccessRequestException($"The password is {password.Length} characters long; at least {_options.MinimumPasswordLength} are needed.", "password");
        }

        if (string.IsNullOrWhiteSpace(password) || password.Any(char.IsControl))
        {
            throw new AccessRequestException("The password contains control characters or only spaces.", "password");
        }
    }

    private static void CheckName(string name, string field)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            throw new AccessRequestException($"'{name}' is not a valid name: use 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit.", field);
        }
    }

    private static void CheckRole(UserRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new AccessRequestException($"'{role}' is not a role; use owner, editor, approver or viewer.", "role");
        }
    }

    private static bool TryParse(string value, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (value is null || value.Length < TokenPrefix.Length + TokenIdLength + 2 || !value.StartsWith(TokenPrefix, StringComparison.Ordinal) || value[TokenPrefix.Length + TokenIdLength] != '_')
        {
            return false;
        }

        id = value.Substring(TokenPrefix.Length, TokenIdLength);
        secret = value[(TokenPrefix.Length + TokenIdLength + 1)..];
        return id.All(char.IsAsciiHexDigitLower);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string NewStamp() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 20);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();
}
