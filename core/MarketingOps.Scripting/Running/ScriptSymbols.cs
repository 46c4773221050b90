using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace MarketingOps.Scripting.Running;

/// <summary>
/// Maps a script frame (method token, IL offset) to its file and line through the script's portable PDB. Cheaper than
/// <c>new StackTrace(ex, true)</c>, which resolves every frame: after runaway recursion there are over 100,000 of them.
/// </summary>
internal sealed class ScriptSymbols : IDisposable
{
    private readonly MetadataReaderProvider _provider;
    private readonly MetadataReader _reader;

    public ScriptSymbols(byte[] portablePdb)
    {
        _provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(portablePdb));
        _reader = _provider.GetMetadataReader();
    }

    /// <summary>The file and line of the last visible sequence point at or before <paramref name="ilOffset"/>; null when there is none.</summary>
    public (string File, int Line)? Find(int methodToken, int ilOffset)
    {
        if (ilOffset < 0 || (methodToken >> 24) != 0x06)
        {
            return null;
        }

        var method = MetadataTokens.MethodDefinitionHandle(methodToken & 0x00FFFFFF);
        SequencePoint? best = null;
        foreach (var point in _reader.GetMethodDebugInformation(method).GetSequencePoints())
        {
            if (point.IsHidden)
            {
                continue;
            }

            if (point.Offset > ilOffset && best is not null)
            {
                break;
            }

            best = point;
        }

        return best is { } found ? (_reader.GetString(_reader.GetDocument(found.Document).Name), found.StartLine) : null;
    }

    /// <summary>The file and line of the method's first visible sequence point; null when it has none.</summary>
    public (string File, int Line)? First(int methodToken)
    {
        if ((methodToken >> 24) != 0x06)
        {
            return null;
        }

        var method = MetadataTokens.MethodDefinitionHandle(methodToken & 0x00FFFFFF);
        foreach (var point in _reader.GetMethodDebugInformation(method).GetSequencePoints())
        {
            if (!point.IsHidden)
            {
                return (_reader.GetString(_reader.GetDocument(point.Document).Name), point.StartLine);
            }
        }

        return null;
    }

    public void Dispose() => _provider.Dispose();
}
