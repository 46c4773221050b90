using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace MarketingOps.Testing.PrivateDepsPlugin;

/// <summary>A converter written against YamlDotNet 11: on YamlDotNet 18 this type fails to load ("ReadYaml … does not have an implementation").</summary>
internal sealed class UpperCaseConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(Loud);

    public object? ReadYaml(IParser parser, Type type) => new Loud(parser.Consume<Scalar>().Value.ToUpperInvariant());

    public void WriteYaml(IEmitter emitter, object? value, Type type) => emitter.Emit(new Scalar(((Loud)value!).Value));
}
