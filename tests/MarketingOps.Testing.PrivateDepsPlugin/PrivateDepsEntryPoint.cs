using MarketingOps.Sdk;
using Newtonsoft.Json;
using YamlDotNet.Serialization;

namespace MarketingOps.Testing.PrivateDepsPlugin;

/// <summary>
/// Uses YamlDotNet 11's converter interface (its ReadYaml has two parameters; YamlDotNet 16 and later add a third) and
/// Newtonsoft.Json 12 while registering, and names the versions it ran on in its display name for the test to read.
/// </summary>
public sealed class PrivateDepsEntryPoint : IPluginEntryPoint
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var deserializer = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance).WithTypeConverter(new UpperCaseConverter()).Build();
        var greeting = deserializer.Deserialize<Greeting>("text: hello\n");
        var json = JsonConvert.SerializeObject(greeting);
        var versions = $"yaml {typeof(IDeserializer).Assembly.GetName().Version} json {typeof(JsonConvert).Assembly.GetName().Version} {json}";
        registrar.AddPlatform(new PrivateDepsPlatform(registrar.Manifest.Id, versions, registrar.Clock));
    }
}
