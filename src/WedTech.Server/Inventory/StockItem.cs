namespace WedTech.Server.Inventory;

/// <summary>
/// An item of the studio's stock (decor, props, furniture, linen, lights, mandap sets). Every change of its reservations
/// bumps <see cref="ReservationStamp"/>, so the item's version is the token two planners reserving its last pieces at once
/// race on: the loser's save fails and it checks again.
/// </summary>
[AuditChanges("stock-item")]
public sealed class StockItem : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public StockCategory Category { get; set; }
    public required string Unit { get; set; }
    public int QuantityOwned { get; set; }
    public string? Warehouse { get; set; }

    [Money]
    public long ReplacementCostPaise { get; set; }

    public int LowStockThreshold { get; set; }

    /// <summary>Pieces being repaired: owned, not available.</summary>
    public int InMaintenance { get; set; }

    public string? MaintenanceNote { get; set; }
    public string? Notes { get; set; }

    /// <summary>Rented in from a vendor for one wedding: its booking, the wedding and the vendor's name as it was linked.</summary>
    public Guid? VendorBookingId { get; set; }

    public Guid? RentedForWeddingId { get; set; }
    public string? RentedFromVendor { get; set; }

    /// <summary>Bumped by every change of the item's reservations (see the class).</summary>
    [NotAudited]
    public long ReservationStamp { get; set; }

    [NotAudited]
    public string SearchText { get; private set; } = "";

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int Usable => Math.Max(0, QuantityOwned - InMaintenance);

    public void RefreshSearchText() => SearchText = string.Join('\n', Name, Warehouse ?? "").ToLowerInvariant();
}

/// <summary>
/// Pieces of an item held for an event of a wedding over [<see cref="HeldFrom"/>, <see cref="HeldUntil"/>): the event's
/// times (wall-clock at the venue) widened by the setup and teardown buffers. Checked out, then returned with what is
/// missing or damaged; <see cref="ChargedPaise"/> is what those cost the wedding, worked out by the server.
/// </summary>
[AuditChanges("stock-reservation")]
public sealed class StockReservation : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ItemId { get; init; }
    public Guid WeddingId { get; init; }
    public Guid EventId { get; init; }
    public int Quantity { get; set; }
    public int SetupHours { get; set; }
    public int TeardownHours { get; set; }
    public DateTime HeldFrom { get; set; }
    public DateTime HeldUntil { get; set; }
    public int CheckedOut { get; set; }
    public int Returned { get; set; }
    public int Missing { get; set; }
    public int Damaged { get; set; }

    [ComputedMoney]
    public long ChargedPaise { get; set; }

    public string? ReturnNote { get; set; }
    public StockReservationStatus Status { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class InventoryModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StockItem>(item =>
        {
            item.ToTable("stock_items");
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Name).HasMaxLength(200);
            item.Property(i => i.Unit).HasMaxLength(30);
            item.Property(i => i.Warehouse).HasMaxLength(100);
            item.Property(i => i.MaintenanceNote).HasMaxLength(1000);
            item.Property(i => i.Notes).HasMaxLength(4000);
            item.Property(i => i.RentedFromVendor).HasMaxLength(200);
            item.Property(i => i.SearchText).HasMaxLength(302);
            item.Property(i => i.Category).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.Version).IsConcurrencyToken();
            item.Ignore(i => i.Usable);
            item.HasIndex(i => i.Name);
        });
        modelBuilder.Entity<StockReservation>(reservation =>
        {
            reservation.ToTable("stock_reservations");
            reservation.Property(r => r.Id).ValueGeneratedNever();
            reservation.Property(r => r.ReturnNote).HasMaxLength(1000);
            reservation.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            reservation.Property(r => r.Version).IsConcurrencyToken();
            reservation.HasOne<StockItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
            reservation.HasIndex(r => new { r.ItemId, r.HeldFrom });
            reservation.HasIndex(r => new { r.HeldFrom, r.HeldUntil });
            reservation.HasIndex(r => r.EventId);
            reservation.HasIndex(r => r.WeddingId);
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class InventoryTables
{
    extension(TenantDbContext db)
    {
        public DbSet<StockItem> StockItems => db.Set<StockItem>();
        public DbSet<StockReservation> StockReservations => db.Set<StockReservation>();
    }
}
