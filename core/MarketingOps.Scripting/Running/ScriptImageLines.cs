using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Running;

/// <summary>
/// Finds the script line of a frame the runtime printed when a worker died (<c>MopsScript+Node.GetHashCode</c>), by
/// reading the compiled image's metadata and PDB on the host: nothing of the script is loaded or run.
/// </summary>
internal static class ScriptImageLines
{
    /// <summary>The file and first line of the innermost frame that names a method of the script; null when none does.</summary>
    public static (string File, int Line)? Find(ScriptImage image, IReadOnlyList<string> frames)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            return null;
        }

        try
        {
            using var pe = new PEReader(ImmutableArray.Create(image.Assembly));
            var metadata = pe.GetMetadataReader();
            var methods = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var handle in metadata.MethodDefinitions)
            {
                var method = metadata.GetMethodDefinition(handle);
                methods.TryAdd($"{TypeName(metadata, method.GetDeclaringType())}.{metadata.GetString(method.Name)}", MetadataTokens.GetToken(handle));
            }

            using var symbols = new ScriptSymbols(image.Symbols);
            foreach (var frame in frames)
            {
                if (methods.TryGetValue(frame, out var token) && symbols.First(token) is { } first)
                {
                    return first;
                }
            }
        }
        catch (BadImageFormatException)
        {
            // A damaged image says nothing.
        }

        return null;
    }

    private static string TypeName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        var name = metadata.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } outer)
        {
            return TypeName(metadata, outer) + "+" + name;
        }

        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
