using MessagePack;
using MessagePack.Formatters;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// A <see cref="ScriptPost"/> as a fixed array of its nine values: a script that lists thousands of posts pays for the
/// values alone, not for each member's name as the contractless default writes them.
/// </summary>
internal sealed class ScriptPostFormatter : IMessagePackFormatter<ScriptPost?>
{
    private const int Fields = 9;

    public static readonly ScriptPostFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, ScriptPost? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        var instants = options.Resolver.GetFormatterWithVerify<DateTimeOffset?>();
        writer.WriteArrayHeader(Fields);
        writer.Write(value.Id);
        writer.Write(value.Account);
        writer.Write(value.Text);
        instants.Serialize(ref writer, value.At, options);
        writer.Write((int)value.State);
        writer.Write(value.Experiment);
        writer.Write(value.Variant);
        writer.Write(value.Url?.OriginalString);
        instants.Serialize(ref writer, value.PublishedAt, options);
    }

    public ScriptPost? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        options.Security.DepthStep(ref reader);
        try
        {
            if (reader.ReadArrayHeader() != Fields)
            {
                throw new MessagePackSerializationException($"A post must be an array of {Fields} values.");
            }

            var instants = options.Resolver.GetFormatterWithVerify<DateTimeOffset?>();
            var id = Required(reader.ReadString(), "id");
            var account = Required(reader.ReadString(), "account");
            var text = Required(reader.ReadString(), "text");
            var at = instants.Deserialize(ref reader, options);
            var state = reader.ReadInt32();
            if (!Enum.IsDefined((ScriptPostState)state))
            {
                throw new MessagePackSerializationException($"A post's state must be one of {string.Join(", ", Enum.GetNames<ScriptPostState>())}.");
            }

            return new ScriptPost(id, account, text, at, (ScriptPostState)state)
            {
                Experiment = reader.ReadString(),
                Variant = reader.ReadString(),
                Url = reader.ReadString() is { } url ? new Uri(url, UriKind.RelativeOrAbsolute) : null,
                PublishedAt = instants.Deserialize(ref reader, options),
            };
        }
        finally
        {
            reader.Depth--;
        }
    }

    private static string Required(string? value, string name)
        => value ?? throw new MessagePackSerializationException($"A post's {name} is missing.");
}
