using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MarketingOps.Scripting.Compilation;

/// <summary>Serves <c>#load</c> from the files <see cref="ScriptSources"/> already read and checked; anything else does not resolve.</summary>
/// <remarks>With <paramref name="replacements"/>, serves the instrumented text of each file instead of the original.</remarks>
internal sealed class ScriptSourceResolver(ScriptSources sources, IReadOnlyDictionary<string, SourceText>? replacements = null) : SourceReferenceResolver
{
    public override string? NormalizePath(string path, string? baseFilePath) => ScriptSources.Resolve(path, baseFilePath);

    public override string? ResolveReference(string path, string? baseFilePath)
    {
        var resolved = ScriptSources.Resolve(path, baseFilePath);
        return sources.TryGet(resolved, out _) ? resolved : null;
    }

    public override Stream OpenRead(string resolvedPath)
    {
        var text = ReadText(resolvedPath);
        var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, text.Encoding ?? System.Text.Encoding.UTF8, leaveOpen: true))
        {
            text.Write(writer);
        }

        stream.Position = 0;
        return stream;
    }

    public override SourceText ReadText(string resolvedPath)
    {
        if (replacements is not null && replacements.TryGetValue(resolvedPath, out var replaced))
        {
            return replaced;
        }

        return sources.TryGet(resolvedPath, out var file) ? file.Text : throw new FileNotFoundException("Not a file of this script.", resolvedPath);
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
