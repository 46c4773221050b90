using System.Reflection;
using System.Runtime.Loader;

namespace MarketingOps.Scripting.Running;

/// <summary>A collectible context holding one script run's assembly; unloaded when the run ends, so memory stays flat over thousands of runs.</summary>
internal sealed class ScriptLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    // The script binds to the very ScriptGlobals type the host created, so everything else resolves where the host's copy lives.
    private static readonly AssemblyLoadContext HostContext = GetLoadContext(typeof(ScriptGlobals).Assembly) ?? Default;

    protected override Assembly? Load(AssemblyName assemblyName)
        => ReferenceEquals(HostContext, Default) ? null : HostContext.LoadFromAssemblyName(assemblyName);
}
