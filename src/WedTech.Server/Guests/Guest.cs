using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

/// <summary>
/// A household of a wedding's guest list ("Sharma family"): who is invited together, answers together and is reached on
/// one phone. Its members are part of the record; its invitations change on their own (an answer is not an edit).
/// </summary>
[AuditChanges("household")]
public sealed class Household : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public required string DisplayName { get; set; }
    public GuestSide Side { get; set; }
    public string? Group { get; set; }

    /// <summary>E.164. Personal data: never logged.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string Country { get; set; } = "IN";
    public List<string> Tags { get; set; } = [];

    /// <summary>For the studio only; never shown to the couple or the guests.</summary>
    public string? Notes { get; set; }

    public DateTime? ArrivalAt { get; set; }
    public string? ArrivalBy { get; set; }
    public DateTime? DepartureAt { get; set; }
    public string? DepartureBy { get; set; }

    /// <summary>What the household wrote to the couple with its RSVP.</summary>
    public string? NoteToCouple { get; set; }

    /// <summary>
    /// The SHA-256 of the household's personal RSVP link token (the token itself is shown once, when issued); null when it
    /// has none or it was revoked. Not part of the record people edit: issuing a link leaves the version as it is.
    /// </summary>
    [NotAudited]
    public string? RsvpTokenHash { get; set; }

    [NotAudited]
    public DateTimeOffset? RsvpLinkIssuedAt { get; set; }

    /// <summary>When a guest first opened the household's current link.</summary>
    [NotAudited]
    public DateTimeOffset? RsvpLinkOpenedAt { get; set; }

    /// <summary>Names (in every spelling given) and the display name, lower-cased, for search in any script.</summary>
    [NotAudited]
    public string SearchText { get; private set; } = "";

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    [PartOfRecord]
    public List<Guest> Members { get; init; } = [];

    public List<Invitation> Invitations { get; init; } = [];

    /// <summary>Every name line, then a "#tag" line per tag (<see cref="TagLine"/>).</summary>
    public void RefreshSearchText() => SearchText = string.Concat(
        Members.SelectMany(m => new[] { m.Name, m.LatinName, m.GuestOf }).Prepend(DisplayName).OfType<string>().Select(line => line.ToLowerInvariant() + "\n")
            .Concat(Tags.Select(TagLine)));

    /// <summary>How a tag is written in the search text, so that a tag filter matches whole tags only.</summary>
    public static string TagLine(string tag) => "#" + tag.Trim().ToLowerInvariant() + "\n";
}

/// <summary>A member of a household; without a name, an unnamed place ("guest of Rahul").</summary>
public sealed class Guest
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; init; }
    public int Position { get; set; }
    public string? Name { get; set; }
    public string? LatinName { get; set; }
    public string? Honorific { get; set; }
    public AgeGroup AgeGroup { get; set; }
    public Diet? Diet { get; set; }
    public string? Allergies { get; set; }

    /// <summary>E.164. Personal data: never logged.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }
    public string? GuestOf { get; set; }
}

/// <summary>
/// A household's invitation to one event of the wedding, with the places it may fill and its answer. The answer is kept
/// as the members' answers or as a headcount; <see cref="Attending"/> is the headcount either way.
/// </summary>
public sealed class Invitation : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; init; }
    public Guid EventId { get; init; }

    /// <summary>The household's wedding, so that a wedding's invitations need no join through the household.</summary>
    public Guid WeddingId { get; init; }

    public int Places { get; set; }

    /// <summary>The members invited, when not the whole household.</summary>
    public List<Guid> Guests { get; set; } = [];

    public RsvpAnswer Answer { get; set; }
    public int Attending { get; set; }
    public List<MemberRsvp> Members { get; set; } = [];
    public DateTimeOffset? AnsweredAt { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One member's answer to an invitation, stored with it.</summary>
public sealed record MemberRsvp(Guid GuestId, RsvpAnswer Answer);

/// <summary>
/// A wedding's guest-list settings: the RSVP deadline (a day in the studio's time zone; after it the guests' page is
/// read-only) and the contact the guests are shown for changes. A wedding without a row has the defaults at version 1.
/// </summary>
[AuditChanges("guest-settings")]
public sealed class GuestListSettings : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public DateOnly? RsvpDeadline { get; set; }
    public string? StudioContact { get; set; }

    /// <summary>Guests are asked on their page for an ID for the hotel.</summary>
    public bool CollectIds { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One change of an invitation's answer, kept for as long as the household: who, when, before and after.</summary>
public sealed class RsvpChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; init; }
    public Guid EventId { get; init; }
    public DateTimeOffset At { get; init; }
    public RsvpSource Source { get; init; }

    /// <summary>The member of the studio who recorded it; null when the guest answered or a file was imported.</summary>
    public Guid? ByUserId { get; init; }

    public RsvpAnswer Before { get; init; }
    public int AttendingBefore { get; init; }
    public RsvpAnswer After { get; init; }
    public int AttendingAfter { get; init; }
}

public sealed class GuestModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Household>(household =>
        {
            household.ToTable("households");
            household.Property(h => h.Id).ValueGeneratedNever();
            household.Property(h => h.DisplayName).HasMaxLength(200);
            household.Property(h => h.Side).HasConversion<string>().HasMaxLength(10);
            household.Property(h => h.Group).HasMaxLength(100);
            household.Property(h => h.Phone).HasMaxLength(16);
            household.Property(h => h.Email).HasMaxLength(254);
            household.Property(h => h.City).HasMaxLength(100);
            household.Property(h => h.State).HasMaxLength(100);
            household.Property(h => h.Country).HasMaxLength(2);
            household.Property(h => h.Tags).HasJsonConversion();
            household.Property(h => h.Notes).HasMaxLength(4000);
            household.Property(h => h.ArrivalBy).HasMaxLength(100);
            household.Property(h => h.DepartureBy).HasMaxLength(100);
            household.Property(h => h.NoteToCouple).HasMaxLength(2000);
            household.Property(h => h.SearchText).HasMaxLength(24_000);
            household.Property(h => h.RsvpTokenHash).HasMaxLength(64);
            household.HasIndex(h => h.RsvpTokenHash).IsUnique();
            household.Property(h => h.Version).IsConcurrencyToken();
            household.HasIndex(h => new { h.WeddingId, h.DisplayName });
            household.HasIndex(h => h.Phone);
            household.HasOne<Wedding>().WithMany().HasForeignKey(h => h.WeddingId).OnDelete(DeleteBehavior.Cascade);
            household.HasMany(h => h.Members).WithOne().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            household.HasMany(h => h.Invitations).WithOne().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Guest>(guest =>
        {
            guest.ToTable("guests");
            guest.Property(g => g.Id).ValueGeneratedNever();
            guest.Property(g => g.Name).HasMaxLength(200);
            guest.Property(g => g.LatinName).HasMaxLength(200);
            guest.Property(g => g.Honorific).HasMaxLength(30);
            guest.Property(g => g.AgeGroup).HasConversion<string>().HasMaxLength(10);
            guest.Property(g => g.Diet).HasConversion<string>().HasMaxLength(12);
            guest.Property(g => g.Allergies).HasMaxLength(500);
            guest.Property(g => g.Phone).HasMaxLength(16);
            guest.Property(g => g.Email).HasMaxLength(254);
            guest.Property(g => g.GuestOf).HasMaxLength(200);
            guest.HasIndex(g => new { g.HouseholdId, g.Position });
            guest.HasIndex(g => g.Phone);
        });
        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.Property(i => i.Id).ValueGeneratedNever();
            invitation.Property(i => i.Guests).HasJsonConversion();
            invitation.Property(i => i.Answer).HasConversion<string>().HasMaxLength(10);
            invitation.Property(i => i.Members).HasJsonConversion();
            invitation.Property(i => i.Version).IsConcurrencyToken();
            invitation.HasIndex(i => new { i.HouseholdId, i.EventId }).IsUnique();
            invitation.HasIndex(i => new { i.WeddingId, i.EventId });
            // An event that is removed takes its invitations and their answers with it.
            invitation.HasOne<WeddingEvent>().WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GuestListSettings>(settings =>
        {
            settings.ToTable("guest_list_settings");
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.HasIndex(s => s.WeddingId).IsUnique();
            settings.Property(s => s.StudioContact).HasMaxLength(GuestListSettingsRequest.MaxContactLength);
            settings.Property(s => s.Version).IsConcurrencyToken();
            settings.HasOne<Wedding>().WithMany().HasForeignKey(s => s.WeddingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RsvpChange>(change =>
        {
            change.ToTable("rsvp_changes");
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.Source).HasConversion<string>().HasMaxLength(10);
            change.Property(c => c.Before).HasConversion<string>().HasMaxLength(10);
            change.Property(c => c.After).HasConversion<string>().HasMaxLength(10);
            change.HasIndex(c => new { c.HouseholdId, c.At });
            // The history goes with the household (the guests' personal data), and with the event it is about.
            change.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            change.HasOne<WeddingEvent>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
            change.HasOne<User>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class GuestTables
{
    extension(TenantDbContext db)
    {
        public DbSet<Household> Households => db.Set<Household>();
        public DbSet<Guest> Guests => db.Set<Guest>();
        public DbSet<Invitation> Invitations => db.Set<Invitation>();
        public DbSet<RsvpChange> RsvpChanges => db.Set<RsvpChange>();
        public DbSet<GuestListSettings> GuestListSettings => db.Set<GuestListSettings>();
        public DbSet<Import.GuestImport> GuestImports => db.Set<Import.GuestImport>();
        public DbSet<Documents.IdDocument> IdDocuments => db.Set<Documents.IdDocument>();
    }
}
