using System.Text.Json;
using System.Text.Json.Serialization;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>
/// Source-generated metadata for <c>plugin.json</c>: every CLI command reads a manifest at start, and building the
/// reflection metadata for it cost ~100 ms of JIT per call (issue 12). <see cref="PluginManifestReader"/> keeps its
/// own options (comments, trailing commas, camel-case enum names) and takes only the metadata from here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PluginManifest))]
internal sealed partial class PluginManifestJsonContext : JsonSerializerContext;
