namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// An answer made of values the worker may hold from earlier calls (posts, snapshots): only the values it lacks or holds
/// out of date cross, each with its slot in the worker's table, and the answer itself is a list of slots. The host
/// decides every slot from its own record of what it sent; the worker only says which reply it applied last.
/// </summary>
/// <param name="Sequence">This reply's number; the worker sends it back with its next call as the last one it applied.</param>
/// <param name="Reset">The worker empties its tables before applying this reply.</param>
/// <param name="UpdatedSlots">Where each of <paramref name="Updated"/> goes.</param>
/// <param name="Updated">The values new to the worker or changed since it got them.</param>
/// <param name="Answer">
/// The answer, in order, as <see cref="SlotRuns"/>; -1 where there is no value (a post without a snapshot). Null when the
/// host could not read the posts the worker named by slot (its tables were out of step): the worker asks again by id.
/// </param>
internal sealed record CachedReply<T>(long Sequence, bool Reset, int[] UpdatedSlots, T[] Updated, int[]? Answer)
    where T : class;
