using WedTech.Server.Identity;

namespace WedTech.Server.Guests.Documents;

/// <summary>
/// A guest's ID for the hotel: the file sealed with the studio's data key for ID documents (<see cref="IdDocumentService.KeyPurpose"/>),
/// the kind and the number's last four characters. One per guest (a new upload replaces it); goes with the guest, and
/// <see cref="GuestDataOptions.IdDocumentDaysAfterWedding"/> days after the wedding.
/// </summary>
public sealed class IdDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid GuestId { get; init; }
    public IdDocumentKind Kind { get; init; }
    public required string NumberLastFour { get; init; }
    public required string ContentType { get; init; }

    /// <summary>The file's size before sealing.</summary>
    public long Size { get; init; }

    /// <summary>Nonce, tag and ciphertext; never read with the list (queries project around it).</summary>
    public required byte[] Sealed { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>The member of the studio who uploaded it; null when the guest did, from their RSVP link.</summary>
    public Guid? UploadedBy { get; init; }
}

public sealed class IdDocumentModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<IdDocument>(document =>
    {
        document.ToTable("id_documents");
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        document.Property(d => d.NumberLastFour).HasMaxLength(4);
        document.Property(d => d.ContentType).HasMaxLength(40);
        document.HasIndex(d => d.GuestId).IsUnique();
        document.HasIndex(d => new { d.WeddingId, d.UploadedAt });
        // Deleting the guest (or their household, or the wedding) deletes the document in the same statement.
        document.HasOne<Guest>().WithMany().HasForeignKey(d => d.GuestId).OnDelete(DeleteBehavior.Cascade);
        document.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        document.HasOne<User>().WithMany().HasForeignKey(d => d.UploadedBy).OnDelete(DeleteBehavior.SetNull);
    });
}
