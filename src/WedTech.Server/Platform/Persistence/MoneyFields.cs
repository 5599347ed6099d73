using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// Marks an entity property that carries money (integer paise). <see cref="MoneyGuard"/> then guards every write of it,
/// whatever endpoint or service makes the write: a module declares its money fields once, here, and nothing else.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MoneyAttribute : Attribute;

/// <summary>
/// An amount the server works out itself from guarded money (a pay link's amount is what is unpaid of an instalment): no
/// request carries it, so there is nothing to guard, and whoever may ask for the record (the couple paying) may make it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ComputedMoneyAttribute : Attribute;

/// <summary>
/// A record whose amounts are a draft until it is issued (an invoice): while <see cref="IsDraft"/> was true when it was
/// loaded, changing its amounts is still making them, so <c>financial:create</c> is enough.
/// </summary>
public interface IDraft
{
    bool IsDraft { get; }
}

/// <summary>Who is writing, as far as the platform's guards need to know.</summary>
public interface IWriteActor
{
    /// <summary>False for work nobody asked for in person (seeding, a job acting for no one): nothing is guarded.</summary>
    bool IsPerson { get; }

    /// <summary>The person's user id and e-mail, for the audit log; null for the system.</summary>
    Guid? UserId { get; }

    string? UserEmail { get; }

    bool Can(string permission);
}

/// <summary>
/// Guards money fields at save, so no write path can forget:
/// <list type="bullet">
/// <item>Someone who cannot see money (no <c>financial:view</c>) never saw the amount, so what their request says of it
/// is ignored: a changed amount is kept as it was, a new record gets none.</item>
/// <item>Someone who sees money but may not change it is refused with 403, naming the field: a new record's amount needs
/// <c>financial:create</c>, a changed or erased one <c>financial:edit</c>. Sending the amount unchanged is no change.</item>
/// </list>
/// </summary>
public sealed class MoneyGuard : BeforeSaveInterceptor
{
    public static readonly MoneyGuard Instance = new();
    private static readonly ConcurrentDictionary<IReadOnlyProperty, bool> Declared = new();

    /// <summary>Whether the property is declared as money (<see cref="MoneyAttribute"/>).</summary>
    public static bool IsMoney(IReadOnlyProperty property) =>
        Declared.GetOrAdd(property, p => p.PropertyInfo?.IsDefined(typeof(MoneyAttribute)) == true);

    protected override void BeforeSave(DbContext? context)
    {
        if (context is not TenantDbContext { Actor: { IsPerson: true } actor } tenant)
        {
            return;
        }
        var refused = new List<string>();
        foreach (var entry in tenant.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => IsMoney(p.Metadata)))
            {
                if (!Changes(entry.State, property))
                {
                    continue;
                }
                if (!actor.Can(Permissions.FinancialView))
                {
                    property.CurrentValue = entry.State == EntityState.Added ? Activator.CreateInstance(property.Metadata.ClrType) : property.OriginalValue;
                    property.IsModified = false;
                }
                else if (!actor.Can(entry.State == EntityState.Added || WasDraft(entry) ? Permissions.FinancialCreate : Permissions.FinancialEdit))
                {
                    refused.Add(ApiConventions.JsonFieldName(property.Metadata.Name));
                }
            }
        }
        if (refused.Count > 0)
        {
            throw ApiException.Forbidden(
                $"Your role may not change amounts of money ({string.Join(", ", refused.Distinct())}). Send them as they were, or ask an admin.");
        }
    }

    /// <summary>Whether the record was a draft as loaded (its original values), whatever this save makes it.</summary>
    private static bool WasDraft(EntityEntry entry) =>
        entry is { Entity: IDraft, State: EntityState.Modified } && ((IDraft)entry.OriginalValues.ToObject()).IsDraft;

    private static bool Changes(EntityState state, PropertyEntry property) => state == EntityState.Added
        ? property.CurrentValue is not null && !Equals(property.CurrentValue, Activator.CreateInstance(property.Metadata.ClrType))
        : property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);
}
