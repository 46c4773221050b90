using System.Buffers;
using System.Data.Common;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace MarketingOps.Core.Links;

/// <summary>
/// The clicks of a SQLite client, appended to a file beside the database before their redirect is sent: one write of
/// one line per click, on the request's own thread, with no transaction, thread hop or group to wait for. A write the
/// host made survives the host being killed the moment after, as a SQLite commit without a sync does (only a power cut
/// could take the last ones, as it could any unsynced commit). In the background (and before anything reads clicks) the
/// lines are imported into <c>link_clicks</c>, with how far the file is imported committed in the same transaction, so
/// a line is imported once whatever dies when. The writing host holds the file's exclusive lock; another process (or the
/// next host, after a kill) imports what a host left only when it can take that lock, then empties the file.
/// </summary>
internal sealed class ClickJournal(LinkSchema schema, string path, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    // Imports wait this long after a click, so a busy host imports in a few large transactions rather than many small ones.
    private static readonly TimeSpan ImportDelay = TimeSpan.FromMilliseconds(100);

    // Another process holding the lock is importing what a killed host left: a moment's work.
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(5);

    // Once all of it is imported, a file longer than this is emptied (with writes held for that moment).
    private const long EmptyAfterBytes = 16 * 1024 * 1024;


    private readonly Lock _write = new();
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly SemaphoreSlim _importing = new(1, 1);
    private SafeFileHandle? _handle;
    private long _length;
    private long _imported;
    private int _importScheduled;
    private Task _import = Task.CompletedTask;
    private bool _stopped;

    /// <summary>Writes <paramref name="click"/> into the file; once this returns, the redirect may be sent. Throws when it could not be written.</summary>
    public ValueTask AppendAsync(LinkClick click)
    {
        if (Volatile.Read(ref _handle) is not { } handle)
        {
            return OpenAndAppendAsync(click);
        }

        Append(handle, click);
        return ValueTask.CompletedTask;
    }

    private async ValueTask OpenAndAppendAsync(LinkClick click)
    {
        await OpenAsync();
        Append(_handle!, click);
    }

    private void Append(SafeFileHandle handle, LinkClick click)
    {
        var buffer = ClickRecords.Rent(click, out var length);
        try
        {
            lock (_write)
            {
                ObjectDisposedException.ThrowIf(_stopped, this);

                // Whole lines, one after the other: a write that failed part-way is overwritten by the next.
                RandomAccess.Write(handle, buffer.AsSpan(0, length), _length);
                _length += length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (Interlocked.Exchange(ref _importScheduled, 1) == 0)
        {
            _import = Task.Run(ImportSoonAsync);
        }
    }

    private async Task ImportSoonAsync()
    {
        await Task.Delay(ImportDelay, time);
        Volatile.Write(ref _importScheduled, 0);
        try
        {
            await ImportOwnAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException)
        {
            // The clicks stay in the file: the next import (a click's, a reader's, the host's stop) takes them.
            logger.LogWarning(ex, "Importing counted clicks from {Journal} failed; they stay there and are imported later", path);
        }
    }

    /// <summary>
    /// Imports every click written before this call: this host's own, or those a host that is gone left in the file.
    /// When a live host holds the file, its clicks reach the database within a moment of their redirect.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _handle) is not null)
        {
            await ImportOwnAsync(cancellationToken);
            return;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_handle is not null || !File.Exists(path))
            {
                return;
            }

            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (IsLocked(ex) || ex is FileNotFoundException)
            {
                return;
            }

            using (handle)
            {
                await RecoverAsync(handle, cancellationToken);
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task OpenAsync()
    {
        await _opening.WaitAsync();
        try
        {
            if (_handle is not null)
            {
                return;
            }

            var handle = await LockAsync();
            try
            {
                await RecoverAsync(handle, CancellationToken.None);
            }
            catch
            {
                handle.Dispose();
                throw;
            }

            Volatile.Write(ref _handle, handle);
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task<SafeFileHandle> LockAsync()
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (IsLocked(ex) && time.GetElapsedTime(started) < LockPatience)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), time);
            }
        }
    }

    // Another holds the file's lock: .NET reports flock's EWOULDBLOCK (11) on Unix, a sharing violation on Windows.
    private static bool IsLocked(IOException ex) => ex.GetType() == typeof(IOException) && ex.HResult is 11 or unchecked((int)0x80070020);

    // With the file locked: imports what a host that is gone left, then empties the file, so the next line starts at 0.
    private async Task RecoverAsync(SafeFileHandle handle, CancellationToken cancellationToken)
    {
        var length = RandomAccess.GetLength(handle);
        var imported = await ImportAsync(handle, from: null, length, cancellationToken);
        if (length > 0)
        {
            Empty(handle, imported);
        }

        _length = 0;
        _imported = 0;
    }

    private async Task ImportOwnAsync(CancellationToken cancellationToken)
    {
        await _importing.WaitAsync(cancellationToken);
        try
        {
            if (_handle is not { } handle)
            {
                return;
            }

            long upTo;
            lock (_write)
            {
                upTo = _length;
            }

            if (upTo > _imported)
            {
                _imported = await ImportAsync(handle, _imported, upTo, cancellationToken);
            }

            if (_imported >= EmptyAfterBytes)
            {
                lock (_write)
                {
                    // Nothing was written meanwhile: the file holds only imported lines. Writes wait for this moment.
                    if (_length == _imported && !_stopped)
                    {
                        Empty(handle, _imported);
                        _length = 0;
                        _imported = 0;
                    }
                }
            }
        }
        finally
        {
            _importing.Release();
        }
    }

    // Syncs the position of lines all imported, truncates the file, then records that nothing of it is imported. A host
    // dying in between leaves the position past the file's end, which the next import reads as an emptied file.
    private void Empty(SafeFileHandle handle, long imported)
    {
        using var connection = schema.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Commit(connection, imported);
        RandomAccess.SetLength(handle, 0);
        Commit(connection, 0);
    }

    private void Commit(DbConnection connection, long position)
    {
        using var transaction = schema.BeginWriteAsync(connection, durable: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        SetPosition(connection, transaction, position);
        transaction.Commit();
    }

    /// <summary>
    /// Imports the complete lines in [<paramref name="from"/>, <paramref name="upTo"/>) (from the position stored, when
    /// <paramref name="from"/> is null) and stores the new position in the same transaction; returns it.
    /// </summary>
    private async Task<long> ImportAsync(SafeFileHandle handle, long? from, long upTo, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var transaction = await schema.BeginWriteAsync(connection, durable: from is null, cancellationToken);
        var stored = await GetPositionAsync(connection, transaction, cancellationToken);
        var start = stored > upTo ? 0 : Math.Max(stored, from ?? 0);
        if (start >= upTo)
        {
            return start;
        }

        var bytes = new byte[upTo - start];
        var read = 0;
        while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), start + read) is var n and > 0)
        {
            read += n;
        }

        var clicks = ClickRecords.Read(bytes.AsSpan(0, read), out var consumed);
        if (clicks.Count > 0)
        {
            await using var insert = AdoPostStore.Command(connection, transaction, "INSERT INTO link_clicks (code, post_id, at, agent) VALUES (@code, @post_id, @at, @agent)");
            var code = AddParameter(insert, "@code");
            var post = AddParameter(insert, "@post_id");
            var at = AddParameter(insert, "@at");
            var agent = AddParameter(insert, "@agent");
            foreach (var click in clicks)
            {
                code.Value = click.Code;
                post.Value = click.PostId;
                at.Value = click.At.ToUnixTimeMilliseconds();
                agent.Value = (object?)click.Agent ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var position = start + consumed;
        SetPosition(connection, transaction, position);
        await transaction.CommitAsync(cancellationToken);
        return position;
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task<long> GetPositionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = AdoPostStore.Command(connection, transaction, "SELECT imported FROM link_click_journal WHERE id = 1");
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static void SetPosition(DbConnection connection, DbTransaction transaction, long position)
    {
        using var command = AdoPostStore.Command(connection, transaction,
            "INSERT INTO link_click_journal (id, imported) VALUES (1, @imported) ON CONFLICT (id) DO UPDATE SET imported = excluded.imported");
        AdoPostStore.Add(command, "@imported", position);
        command.ExecuteNonQuery();
    }

    /// <summary>Takes no more clicks, imports every one written, and empties the file.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_write)
        {
            _stopped = true;
        }

        await _import;
        await ImportOwnAsync(CancellationToken.None);
        if (Interlocked.Exchange(ref _handle, null) is { } handle)
        {
            using (handle)
            {
                if (_imported == _length && _length > 0)
                {
                    Empty(handle, _imported);
                }
            }
        }
    }
}
