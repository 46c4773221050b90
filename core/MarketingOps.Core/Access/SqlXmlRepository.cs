using System.Xml.Linq;
using MarketingOps.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MarketingOps.Core.Access;

/// <summary>
/// The Data Protection key ring that signs session cookies and antiforgery tokens, kept in the client's store so
/// every node of a PostgreSQL cluster signs and reads the same cookies (a key ring per machine would not).
/// </summary>
internal sealed class SqlXmlRepository(AccessSchema schema, TimeProvider time) : IXmlRepository
{
    // IXmlRepository is synchronous; it is read when the key ring is first needed and about once a day after.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => ReadAsync(CancellationToken.None)).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        Task.Run(() => schema.WriteAsync(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at) ON CONFLICT (name) DO NOTHING",
            c =>
            {
                AdoPostStore.Add(c, "@name", name);
                AdoPostStore.Add(c, "@xml", element.ToString(SaveOptions.DisableFormatting));
                AdoPostStore.Add(c, "@at", time.GetUtcNow().ToUnixTimeMilliseconds());
            },
            CancellationToken.None)).GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyCollection<XElement>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, "SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var elements = new List<XElement>();
        while (await reader.ReadAsync(cancellationToken))
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }
}
