namespace WedTech.Server.Vendors;

/// <summary>A booking as other modules name it: its wedding, the vendor's name and where it stands.</summary>
public sealed record BookingOfWedding(Guid BookingId, Guid WeddingId, string VendorName, string Service, BookingStatus Status);

/// <summary>What other modules read of a vendor booking (stock rented in from a vendor is linked to its booking).</summary>
public interface IVendorBookingDirectory
{
    /// <summary>The booking, whoever asks (the caller checks the wedding); null when there is none.</summary>
    Task<BookingOfWedding?> FindAsync(Guid bookingId, CancellationToken cancellationToken);
}

internal sealed class VendorBookingDirectory(TenantDbContext db) : IVendorBookingDirectory
{
    public Task<BookingOfWedding?> FindAsync(Guid bookingId, CancellationToken cancellationToken) =>
        db.VendorBookings.AsNoTracking().Where(b => b.Id == bookingId)
            .Join(db.Vendors, b => b.VendorId, v => v.Id, (b, v) => new BookingOfWedding(b.Id, b.WeddingId, v.Name, b.Service, b.Status))
            .FirstOrDefaultAsync(cancellationToken);
}
