using System.Reflection;
using McMaster.NETCore.Plugins;
using MarketingOps.Core.Configuration;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Plugins;

/// <summary>Loads one plugin from its folder into its own load context and lets it register, turning every failure into a status.</summary>
internal sealed class PluginActivator(ISecretStore secrets, ILoggerFactory loggerFactory, TimeProvider clock)
{
    /// <summary>
    /// Types whose assemblies (and the assemblies those reference) the host shares with every plugin, so both sides
    /// agree on the contracts: the SDK and the Microsoft.Extensions abstractions it exposes. Everything else a plugin
    /// brings stays private to it, even where the host carries another version of the same library.
    /// </summary>
    internal static readonly Type[] SharedTypes =
    [
        typeof(IPluginEntryPoint),
        typeof(ILogger),
        typeof(ILoggerFactory),
        typeof(IConfiguration),
    ];

    /// <summary>Creates each plugin's innermost HTTP handler. The default value is the host's own; the conformance kit injects faults here.</summary>
    public Func<HttpMessageHandler>? HttpHandlerFactory { get; init; }

    /// <summary>
    /// The client folder's kept load contexts, in a process that serves many calls (the resident mops process). The
    /// default value is none: each load makes a context of its own, unloaded with the plugin.
    /// </summary>
    public PluginContextPool? Contexts { get; init; }

    /// <summary>Loads the plugin; configuration problems (an id that does not match, invalid settings) are added to <paramref name="problems"/>.</summary>
    public LoadedPlugin Load(PluginEntry entry, string pluginsFileShown, List<ConfigProblem> problems, int reloads = 0, bool hotReload = false)
    {
        if (!entry.Enabled)
        {
            return LoadedPlugin.Failed(entry, null, PluginStatus.Disabled, "disabled in plugins.json");
        }

        if (!Directory.Exists(entry.Directory))
        {
            return LoadedPlugin.Failed(entry, null, PluginStatus.Malfunctioned, $"plugin folder not found: {entry.Directory} (run `dotnet build MarketingOps.sln` to build the first-party plugins)");
        }

        var (manifest, manifestProblem) = PluginManifestReader.Read(entry.Directory);
        if (manifest is null)
        {
            return LoadedPlugin.Failed(entry, null, PluginStatus.Malfunctioned, manifestProblem!);
        }

        if (!string.Equals(manifest.Id, entry.Id, StringComparison.Ordinal))
        {
            problems.Add(new ConfigProblem(pluginsFileShown, entry.JsonPath + ".id", $"unknown plugin id \"{entry.Id}\": the folder {entry.Directory} holds plugin \"{manifest.Id}\""));
            return LoadedPlugin.Failed(entry, manifest, PluginStatus.Malfunctioned, $"manifest id \"{manifest.Id}\" does not match \"{entry.Id}\"");
        }

        if (SdkCompatibility.Check(manifest) is { } unsupported)
        {
            return LoadedPlugin.Failed(entry, manifest, PluginStatus.NotSupported, unsupported);
        }

        var assemblyPath = Path.Combine(entry.Directory, manifest.EntryAssembly);
        if (!File.Exists(assemblyPath))
        {
            return LoadedPlugin.Failed(entry, manifest, PluginStatus.Malfunctioned, $"entry assembly not found: {assemblyPath}");
        }

        PluginLoader? loader = null;
        try
        {
            // Always collectible and read into memory: any plugin can be unloaded and its files replaced while loaded.
            PluginLoader Create() => PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, SharedTypes, config =>
            {
                // Only the shared types' assemblies come from the host; a plugin's own YamlDotNet 11 stays YamlDotNet 11.
                config.PreferSharedTypes = false;
                config.LoadInMemory = true;
                config.EnableHotReload = hotReload;
            });

            // A watched plugin reloads itself when rebuilt: its context is its own, never a kept one.
            loader = Contexts is { } pool && !hotReload ? pool.Rent(assemblyPath, Create) : Create();
            return Activate(entry, manifest, loader, pluginsFileShown, problems, reloads);
        }
#pragma warning disable CA1031 // Whatever a plugin throws becomes its status; the host runs on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (loader is not null)
            {
                Release(loader);
            }

            return LoadedPlugin.Failed(entry, manifest, PluginStatus.Malfunctioned, Describe(ex));
        }
    }

    /// <summary>Unloads a context whose plugin did not become active: its own, or a kept one (loaded afresh next time).</summary>
    private void Release(PluginLoader loader)
    {
        if (Contexts is { } pool && pool.Holds(loader))
        {
            pool.Discard(loader);
        }
        else
        {
            loader.Dispose();
        }
    }

    /// <summary>Loads the entry assembly of an existing loader (after a hot reload) and lets the plugin register again.</summary>
    public LoadedPlugin Activate(PluginEntry entry, PluginManifest manifest, PluginLoader loader, string pluginsFileShown, List<ConfigProblem> problems, int reloads)
    {
        var assembly = loader.LoadDefaultAssembly();

        // Eagerly, so a plugin with a missing dependency fails now, not at 3 a.m. at fire time.
        var types = assembly.GetTypes();
        var entryTypes = types.Where(t => typeof(IPluginEntryPoint).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        if (entryTypes.Count != 1)
        {
            Release(loader);
            return LoadedPlugin.Failed(entry, manifest, PluginStatus.Malfunctioned, $"expected exactly one {nameof(IPluginEntryPoint)} in {manifest.EntryAssembly}, found {entryTypes.Count}");
        }

        var entryPoint = (IPluginEntryPoint)Activator.CreateInstance(entryTypes[0])!;
        var settingProblems = entryPoint.ValidateSettings(entry.Settings);
        if (settingProblems.Count > 0)
        {
            problems.AddRange(settingProblems.Select(p => new ConfigProblem(pluginsFileShown, PluginsFileReader.SettingsPath(entry.JsonPath, p.Key), p.Message)));
            Release(loader);
            return LoadedPlugin.Failed(entry, manifest, PluginStatus.Malfunctioned, $"invalid settings: {string.Join("; ", settingProblems.Select(p => $"{p.Key}: {p.Message}"))}");
        }

        var registrar = HttpHandlerFactory is null
            ? new PluginRegistrar(manifest, entry, secrets, loggerFactory, clock)
            : new PluginRegistrar(manifest, entry, secrets, loggerFactory, clock) { HttpHandlerFactory = HttpHandlerFactory };
        entryPoint.Register(registrar);
        var problem = CheckRegistration(manifest, registrar);
        var pooled = Contexts?.Holds(loader) == true;
        var active = LoadedPlugin.Active(entry, manifest, loader, (registrar.Platforms.Count > 0 ? registrar.Platforms[0] : null), registrar.Workflows, reloads, ownsLoader: !pooled);
        if (problem is not null)
        {
            active.DisposeInstances();
            Release(loader);
            return LoadedPlugin.Failed(entry, manifest, PluginStatus.Malfunctioned, problem);
        }

        return active;
    }

    private static string? CheckRegistration(PluginManifest manifest, PluginRegistrar registrar) => manifest.Kind switch
    {
        PluginKind.Platform when registrar.Platforms.Count != 1 => $"a platform plugin must register exactly one platform, it registered {registrar.Platforms.Count}",
        PluginKind.Platform when registrar.Platforms[0].Descriptor.Id != manifest.Id => $"its platform's descriptor id \"{registrar.Platforms[0].Descriptor.Id}\" differs from the manifest id \"{manifest.Id}\"",
        PluginKind.Workflow when registrar.Workflows.Count == 0 => "a workflow plugin must register at least one workflow",
        PluginKind.Workflow when registrar.Platforms.Count > 0 => "a workflow plugin cannot register a platform",
        _ => null,
    };

    private static string Describe(Exception ex)
    {
        var inner = ex is TargetInvocationException { InnerException: { } target } ? target : ex;
        return inner switch
        {
            ReflectionTypeLoadException load => $"could not load types: {string.Join("; ", load.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct())}",
            BadImageFormatException => $"not a valid .NET assembly: {inner.Message}",
            _ => $"{inner.GetType().Name}: {inner.Message}",
        };
    }
}
