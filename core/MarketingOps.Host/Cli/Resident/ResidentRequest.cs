using System.Collections;
using System.Text;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>One call as its process sees it: the arguments, where it runs, its whole environment, and its terminal.</summary>
/// <param name="Arguments">The command line as typed (after the program's name).</param>
/// <param name="Directory">The caller's working directory: relative paths are taken from it.</param>
/// <param name="Environment">Every variable of the caller's environment (MOPS_ settings, NO_COLOR, TZ, …).</param>
/// <param name="OutputIsTerminal">Whether the caller's standard output is a terminal (colours, its width) or redirected.</param>
/// <param name="Width">The terminal's width in columns; 0 when the output is redirected.</param>
internal sealed record ResidentRequest(
    IReadOnlyList<string> Arguments,
    string Directory,
    IReadOnlyDictionary<string, string> Environment,
    bool OutputIsTerminal,
    int Width)
{
    /// <summary>Changes whenever the request's layout does; a process of another layout is not asked.</summary>
    public const int Version = 1;

    public static ResidentRequest OfThisProcess(IReadOnlyList<string> arguments)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = (string?)variable.Value ?? "";
        }

        var terminal = !Console.IsOutputRedirected;
        return new(arguments, System.Environment.CurrentDirectory, environment, terminal, terminal ? Console.WindowWidth : 0);
    }

    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Version);
        writer.Write(Arguments.Count);
        foreach (var argument in Arguments)
        {
            writer.Write(argument);
        }

        writer.Write(Directory);
        writer.Write(Environment.Count);
        foreach (var (name, value) in Environment)
        {
            writer.Write(name);
            writer.Write(value);
        }

        writer.Write(OutputIsTerminal);
        writer.Write(Width);
    }

    /// <summary>Reads a request; null when the caller speaks another version.</summary>
    public static ResidentRequest? ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Version)
        {
            return null;
        }

        var arguments = new string[reader.ReadInt32()];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = reader.ReadString();
        }

        var directory = reader.ReadString();
        var count = reader.ReadInt32();
        var environment = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            environment[reader.ReadString()] = reader.ReadString();
        }

        return new(arguments, directory, environment, reader.ReadBoolean(), reader.ReadInt32());
    }
}
