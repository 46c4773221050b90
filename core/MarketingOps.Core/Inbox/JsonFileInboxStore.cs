using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// The inbox as one JSON file in the client's data folder, so the CLI and a running host see the same items.
/// Every change rewrites the file under an exclusive lock file; fine for the size of a human inbox.
/// </summary>
internal sealed class JsonFileInboxStore(string path) : IInboxStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken) => ChangeAsync(items =>
    {
        if (items.Any(i => i.Id == item.Id))
        {
            return false;
        }

        items.Add(item);
        return true;
    }, cancellationToken);

    public Task UpdateAsync(InboxItem item, CancellationToken cancellationToken) => ChangeAsync(items =>
    {
        var index = items.FindIndex(i => i.Id == item.Id);
        if (index < 0)
        {
            throw new InvalidOperationException($"No inbox item '{item.Id}' to update.");
        }

        items[index] = item;
        return true;
    }, cancellationToken);

    public async Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).FirstOrDefault(i => i.Id == id);

    public async Task<InboxItem?> FindByTriggerAsync(string source, string account, string triggerEventId, CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).FirstOrDefault(i =>
            i.Source == source && i.TriggerEventId == triggerEventId && string.Equals(i.Account, account, StringComparison.OrdinalIgnoreCase));

    public async Task<IReadOnlyList<InboxItem>> ListAsync(InboxItemStatus? status, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(cancellationToken)).Where(i => status is null || i.Status == status).OrderBy(i => i.ProposedAt)];

    private async Task<List<InboxItem>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return await JsonSerializer.DeserializeAsync<List<InboxItem>>(stream, Json, cancellationToken) ?? [];
    }

    private async Task<bool> ChangeAsync(Func<List<InboxItem>, bool> change, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var gate = await LockAsync(cancellationToken);
        var items = await ReadAsync(cancellationToken);
        if (!change(items))
        {
            return false;
        }

        // Write beside, then replace: a crash leaves the old file or the new one, never half of one.
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, items, Json, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        return true;
    }

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 100)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
