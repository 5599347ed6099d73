using WedTech.Server.Platform.Caching;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Guests;

/// <summary>
/// What follows a change of a wedding's guest list, whoever made it (the studio, a guest on their page, an import), once
/// the change is committed: the cached headcounts go, and the wedding's open pages are told.
/// </summary>
public sealed class GuestsChanged(TenantDbContext db, WeddingChanges changes, TenantContext tenant, CacheInvalidator invalidator)
{
    /// <summary>The cache tag of a wedding's guest list.</summary>
    public string Tag(Guid weddingId) => $"t:{tenant.Current.Id:N}:guests:{weddingId:N}";

    /// <summary>The cache key of what is counted from the list, good until its next change.</summary>
    public string CountsKey(Guid weddingId) => invalidator.Key(Tag(weddingId), "counts");

    public void AfterCommit(Guid weddingId)
    {
        var tag = Tag(weddingId);
        db.AfterCommit(() => invalidator.InvalidateAsync(tag, CancellationToken.None).AsTask());
        changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.GuestsChanged, null));
    }
}
