using System.Runtime.CompilerServices;
using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Storage;

/// <summary>Guardrail rejections as a table of the post store's database, for the automation report.</summary>
internal sealed class SqlRejectionLog(AdoPostStore database) : IGuardrailRejectionLog
{
    public async Task RecordAsync(GuardrailRejection rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        await database.WriteAsync(
            "INSERT INTO guardrail_rejections (message_id, account, kind, origin, rule, reason, at) VALUES (@message_id, @account, @kind, @origin, @rule, @reason, @at)",
            command =>
            {
                AdoPostStore.Add(command, "@message_id", rejection.MessageId);
                AdoPostStore.Add(command, "@account", rejection.Account);
                AdoPostStore.Add(command, "@kind", rejection.Kind.ToString());
                AdoPostStore.Add(command, "@origin", rejection.Origin.ToString());
                AdoPostStore.Add(command, "@rule", rejection.Rule);
                AdoPostStore.Add(command, "@reason", rejection.Reason);
                AdoPostStore.Add(command, "@at", rejection.At.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<GuardrailRejection> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null,
            "SELECT message_id, account, kind, origin, rule, reason, at FROM guardrail_rejections WHERE at >= @since ORDER BY at, seq");
        AdoPostStore.Add(command, "@since", since.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new GuardrailRejection(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<MessageKind>(reader.GetString(2)),
                Enum.Parse<MessageOrigin>(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                AdoPostStore.FromUnix(reader.GetInt64(6)));
        }
    }
}
