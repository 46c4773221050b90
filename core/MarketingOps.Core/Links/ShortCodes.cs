using System.Security.Cryptography;

namespace MarketingOps.Core.Links;

/// <summary>Short-link codes: 12 characters of 62, drawn by the operating system's cryptographic generator (about 71 bits), so nobody guesses one.</summary>
internal static class ShortCodes
{
    public const int Length = 12;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether <paramref name="code"/> could be a code at all (the redirect answers 404 without asking the store otherwise).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9'));
}
