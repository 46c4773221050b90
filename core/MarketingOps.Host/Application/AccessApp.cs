using MarketingOps.Core.Access;

namespace MarketingOps.Host.Application;

/// <summary>Users and tokens for owners in the API and dashboard; the same <see cref="AccessService"/> as <c>mops users</c> and <c>mops tokens</c>.</summary>
internal sealed class AccessApp(AccessService access)
{
    public async Task<IReadOnlyList<UserView>> ListUsersAsync(CancellationToken cancellationToken) =>
        (await access.ListUsersAsync(cancellationToken)).Select(UserView.From).ToList();

    public Task<(UserView User, string? GeneratedPassword)> AddUserAsync(string name, string role, string? password, CancellationToken cancellationToken) =>
        Map(async () =>
        {
            if (password is not null)
            {
                InputChecks.Text(password, "$.password", 1024);
            }

            var (user, generated) = await access.AddUserAsync(name, AccessService.ParseRole(role), password, cancellationToken);
            return (UserView.From(user), generated);
        });

    public Task<UserView> RemoveUserAsync(string name, CancellationToken cancellationToken) =>
        Map(async () => UserView.From(await access.RemoveUserAsync(InputChecks.Id(name, "name"), cancellationToken)));

    public Task<(UserView User, string? GeneratedPassword)> ResetPasswordAsync(string name, string? password, CancellationToken cancellationToken) =>
        Map(async () =>
        {
            var (user, generated) = await access.ResetPasswordAsync(InputChecks.Id(name, "name"), password, cancellationToken);
            return (UserView.From(user), generated);
        });

    public async Task<IReadOnlyList<TokenView>> ListTokensAsync(CancellationToken cancellationToken)
    {
        var users = (await access.ListUsersAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        return (await access.ListTokensAsync(null, cancellationToken)).Select(t => TokenView.From(t, t.UserId is null ? null : users.GetValueOrDefault(t.UserId))).ToList();
    }

    public Task<CreatedToken> CreateTokenAsync(string name, string role, string? user, int? expiresInDays, CancellationToken cancellationToken) =>
        Map(async () =>
        {
            if (expiresInDays is < 1 or > 3650)
            {
                throw ApiProblemException.Invalid("$.expiresInDays", "1 to 3650 days, or leave it out for a token that does not expire.");
            }

            var issued = await access.CreateTokenAsync(name, AccessService.ParseRole(role), user, expiresInDays is { } days ? TimeSpan.FromDays(days) : null, cancellationToken);
            return new CreatedToken(TokenView.From(issued.Token, user), issued.Value);
        });

    public Task<TokenView> RevokeTokenAsync(string idOrName, CancellationToken cancellationToken) =>
        Map(async () => TokenView.From(await access.RevokeTokenAsync(InputChecks.Id(idOrName, "id"), null, cancellationToken), null));

    private static async Task<T> Map<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (AccessRequestException ex)
        {
            var field = ex.Field is null ? "$" : "$." + ex.Field;
            throw ex.NotFound ? ApiProblemException.NotFound(ex.Message)
                : ex.Message.Contains("already exists", StringComparison.Ordinal) || ex.Message.Contains("last owner", StringComparison.Ordinal) ? ApiProblemException.Conflict(ex.Message)
                : ApiProblemException.Invalid(field, ex.Message);
        }
    }
}
