using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MarketingOps.Core.Guardrails;

/// <summary>Rejections appended to a JSON-lines file in the client's data folder, one line each; readable by any process.</summary>
internal sealed class JsonLinesRejectionLog(string path) : IGuardrailRejectionLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();

    public Task RecordAsync(GuardrailRejection rejection, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = JsonSerializer.Serialize(rejection, Json) + "\n";
        lock (_gate)
        {
            // One short append per line: concurrent writers from other processes interleave whole lines.
            File.AppendAllText(path, line);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<GuardrailRejection> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var rejection = JsonSerializer.Deserialize<GuardrailRejection>(line, Json);
            if (rejection is not null && rejection.At >= since)
            {
                yield return rejection;
            }
        }
    }
}
