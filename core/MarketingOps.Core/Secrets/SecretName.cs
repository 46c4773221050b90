using System.Text.RegularExpressions;

namespace MarketingOps.Core.Secrets;

/// <summary>The rules for a secret's name, such as <c>x/acme/access-token</c>.</summary>
internal static partial class SecretName
{
    public const int MaxLength = 200;

    /// <summary>Null when <paramref name="name"/> is acceptable, otherwise why not.</summary>
    public static string? Problem(string? name) => name switch
    {
        null or "" => "A secret needs a name, such as x/acme/access-token.",
        { Length: > MaxLength } => $"A secret's name may be at most {MaxLength} characters long.",
        _ when !Pattern().IsMatch(name) => $"'{name}' is not a valid secret name: use letters, digits and . _ - @ separated by /, such as x/acme/access-token.",
        _ => null,
    };

    public static void ThrowIfInvalid(string? name)
    {
        if (Problem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]+(/[A-Za-z0-9._@-]+)*$")]
    private static partial Regex Pattern();
}
