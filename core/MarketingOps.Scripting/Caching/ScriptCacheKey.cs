using System.Security.Cryptography;
using System.Text;
using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Caching;

/// <summary>The cache key of a script: SHA-256 over the compile environment (Roslyn, runtime, SDK, references, options, rules) and every file's path and bytes.</summary>
internal static class ScriptCacheKey
{
    public static string Compute(ScriptSources sources, ScriptEnvironment environment)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(environment.Fingerprint);
        foreach (var file in sources.Files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path));
            hash.AppendData(file.IsEditorStub ? [0] : [1]);
            hash.AppendData(file.Hash);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
