using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WedTech.Server.Platform.Persistence;

/// <summary>A row that knows when it was created and last changed: both are stamped at save (<see cref="WritePath"/>), never by hand.</summary>
public interface ITimestamped
{
    DateTimeOffset CreatedAt { get; }
    DateTimeOffset UpdatedAt { get; }
}

/// <summary>
/// A record whose changes are audited at save as "<c>{subject}.updated</c>", naming the fields that changed (never their
/// values, which may be personal).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AuditChangesAttribute(string subject) : Attribute
{
    public string Subject { get; } = subject;
}

/// <summary>A property that follows from others (search text, instants of local times) or is a change of its own (deletion): not named as changed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>
/// A collection whose rows are part of the record (its team): adding, removing or changing one is a change of the
/// record, with a new version and the collection named as changed.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PartOfRecordAttribute : Attribute;

/// <summary>
/// The write path of every module, run at save after the guards (<see cref="MoneyGuard"/>):
/// <list type="bullet">
/// <item>a changed <see cref="IVersioned"/> record gets its next version (the version read stays the concurrency token, so a
/// write that lost a race is refused); a changed <see cref="ITimestamped"/> one its update time, a new one both times;</item>
/// <item>a changed record marked <see cref="AuditChangesAttribute"/> gets an audit entry naming its changed fields, saved with it
/// (in a request's or job's scope: a context made by hand, to seed or to test, has no audit log);</item>
/// <item>the work a module asked for after the commit (<see cref="TenantDbContext.AfterCommit"/>) runs once the changes are
/// committed (after the save, or after the explicit transaction's commit), and is dropped if the save or the transaction fails.</item>
/// </list>
/// A service only changes its entities; to make a new version of a record whose values may be unchanged (a save is a
/// new version), it marks the record modified.
/// </summary>
public sealed class WritePath : BeforeSaveInterceptor
{
    public static readonly WritePath Instance = new();

    /// <summary>The interceptors of the write path, in order, for a tenant context's options (after the guards).</summary>
    public static IInterceptor[] Interceptors { get; } = [Instance, AfterTransaction.Instance];

    private static readonly ConcurrentDictionary<IReadOnlyProperty, bool> Audited = new();
    private static readonly ConcurrentDictionary<IReadOnlyNavigation, bool> Parts = new();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Committed(eventData.Context) is { } tenant)
        {
            tenant.RunAfterCommitAsync().GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Committed(eventData.Context) is { } tenant)
        {
            await tenant.RunAfterCommitAsync();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => (eventData.Context as TenantDbContext)?.DropAfterCommit();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        (eventData.Context as TenantDbContext)?.DropAfterCommit();
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(ThrowingConcurrencyException(eventData, result));

    /// <summary>The tenant context whose save is committed by now: none is when an explicit transaction is open.</summary>
    private static TenantDbContext? Committed(DbContext? context) =>
        context is TenantDbContext tenant && tenant.Database.CurrentTransaction is null ? tenant : null;

    /// <summary>
    /// The fields of the record that changed in this unit of work, in the order the record declares them, as the API
    /// names them ("primaryDate", "team"); a record marked modified with no field changed is changed with no field named.
    /// Null when the record is not changed.
    /// </summary>
    public static IReadOnlyList<string>? ChangedFields(DbContext db, object record) =>
        Changes(db.ChangeTracker.Entries().ToList()).FirstOrDefault(change => ReferenceEquals(change.Entry.Entity, record))?.Fields;

    protected override void BeforeSave(DbContext? context)
    {
        if (context is not TenantDbContext db)
        {
            return;
        }
        var entries = db.ChangeTracker.Entries().ToList();
        var now = db.Clock.GetUtcNow();
        foreach (var entry in entries.Where(e => e is { State: EntityState.Added, Entity: ITimestamped }))
        {
            foreach (var time in new[] { entry.Property(nameof(ITimestamped.CreatedAt)), entry.Property(nameof(ITimestamped.UpdatedAt)) })
            {
                if (Equals(time.CurrentValue, default(DateTimeOffset)))
                {
                    time.CurrentValue = now;
                }
            }
        }
        foreach (var (entry, fields) in Changes(entries))
        {
            if (entry.Entity is IVersioned)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (long)version.OriginalValue! + 1;
            }
            if (entry.Entity is ITimestamped)
            {
                entry.Property(nameof(ITimestamped.UpdatedAt)).CurrentValue = now;
            }
            if (fields.Count > 0 && db.Audit is { } audit && entry.Metadata.ClrType.GetCustomAttribute<AuditChangesAttribute>() is { } audited)
            {
                // The record's key names it: its Id, or the one Guid it is keyed by (a wedding's budget by its wedding); a
                // studio's one-row settings have no Guid, and their subject says what they are.
                var key = entry.Metadata.FindPrimaryKey()!.Properties.Single();
                audit.Value.RecordChanges(entry.Entity, audited.Subject, entry.Property(key.Name).CurrentValue is Guid id ? id : Guid.Empty, fields);
            }
        }
    }

    private sealed record Change(EntityEntry Entry, IReadOnlyList<string> Fields);

    /// <summary>The versioned or timestamped records changed in the unit of work: their own fields, or rows of their parts.</summary>
    private static List<Change> Changes(List<EntityEntry> entries)
    {
        var changed = new Dictionary<EntityEntry, List<MemberInfo>>();
        foreach (var entry in entries.Where(e => e is { State: EntityState.Modified, Entity: IVersioned or ITimestamped }))
        {
            changed[entry] = entry.Properties.Where(p => IsAudited(p.Metadata) && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue))
                .Select(p => (MemberInfo)p.Metadata.PropertyInfo!).ToList();
        }
        foreach (var part in entries.Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified))
        {
            foreach (var key in part.Metadata.GetForeignKeys().Where(k => k.PrincipalToDependent is { } navigation && IsPart(navigation)))
            {
                var values = key.Properties.Select(p => part.State == EntityState.Deleted ? part.Property(p.Name).OriginalValue : part.Property(p.Name).CurrentValue).ToList();
                var record = entries.FirstOrDefault(e => (e.State is EntityState.Unchanged or EntityState.Modified) && key.PrincipalEntityType.IsAssignableFrom(e.Metadata)
                    && key.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(values));
                if (record is not null)
                {
                    var fields = changed.TryGetValue(record, out var found) ? found : changed[record] = [];
                    fields.Add(key.PrincipalToDependent!.PropertyInfo!);
                }
            }
        }
        return changed.Select(pair => new Change(pair.Key,
            pair.Value.Distinct().OrderBy(member => member.MetadataToken).Select(member => ApiConventions.JsonFieldName(member.Name)).ToList())).ToList();
    }

    /// <summary>A field a person changes: not the key, the version or the times, nor what <see cref="NotAuditedAttribute"/> marks.</summary>
    private static bool IsAudited(IReadOnlyProperty property) => Audited.GetOrAdd(property, _ => property.PropertyInfo is { } info
        && !property.IsPrimaryKey()
        && info.Name is not (nameof(IVersioned.Version) or nameof(ITimestamped.CreatedAt) or nameof(ITimestamped.UpdatedAt))
        && !info.IsDefined(typeof(NotAuditedAttribute)));

    private static bool IsPart(IReadOnlyNavigation navigation) =>
        Parts.GetOrAdd(navigation, n => n.PropertyInfo?.IsDefined(typeof(PartOfRecordAttribute)) == true);

    /// <summary>Runs the after-commit work of a unit of work when its explicit transaction commits; drops it when the transaction does not.</summary>
    private sealed class AfterTransaction : DbTransactionInterceptor
    {
        public static readonly AfterTransaction Instance = new();

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            (eventData.Context as TenantDbContext)?.RunAfterCommitAsync().GetAwaiter().GetResult();

        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is TenantDbContext tenant)
            {
                await tenant.RunAfterCommitAsync();
            }
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            (eventData.Context as TenantDbContext)?.DropAfterCommit();

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionRolledBack(transaction, eventData);
            return Task.CompletedTask;
        }

        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
            (eventData.Context as TenantDbContext)?.DropAfterCommit();

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionFailed(transaction, eventData);
            return Task.CompletedTask;
        }
    }
}
