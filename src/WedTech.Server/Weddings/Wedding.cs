using WedTech.Server.Calendar;
using WedTech.Server.Identity;

namespace WedTech.Server.Weddings;

[AuditChanges("wedding")]
public sealed class Wedding : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public required string BrideName { get; set; }
    public required string GroomName { get; set; }
    public DateOnly PrimaryDate { get; set; }
    public string? City { get; set; }
    public WeddingStatus Status { get; set; }

    /// <summary>Integer paise; never floating point.</summary>
    [Money]
    public long? EstimatedBudgetPaise { get; set; }

    public string Currency { get; set; } = "INR";
    public int? GuestCountEstimate { get; set; }
    public string? Notes { get; set; }

    /// <summary>Title and couple's names, lower-cased, for search in any script on either provider.</summary>
    [NotAudited]
    public string SearchText { get; private set; } = "";

    /// <summary>Optimistic concurrency: sent as the ETag, checked against If-Match.</summary>
    public long Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    [NotAudited]
    public DateTimeOffset? DeletedAt { get; set; }

    [PartOfRecord]
    public List<WeddingTeamMember> Team { get; init; } = [];

    public void RefreshSearchText() => SearchText = string.Join('\n', Title, BrideName, GroomName).ToLowerInvariant();
}

/// <summary>A person on a team, of a wedding or of one of its events, with a role on it.</summary>
public interface ITeamMember
{
    Guid UserId { get; }
    TeamRole Role { get; set; }
}

public static class TeamAssignments
{
    /// <summary>Makes a team what the (checked) assignments say: those left out go, new people come, roles follow.</summary>
    public static void ApplyTo<TMember>(this IReadOnlyList<TeamAssignment> assignments, List<TMember> team, Func<Guid, TeamRole, TMember> create)
        where TMember : ITeamMember
    {
        team.RemoveAll(member => assignments.All(a => a.UserId != member.UserId));
        foreach (var assignment in assignments)
        {
            var existing = team.Find(m => m.UserId == assignment.UserId);
            if (existing is null)
            {
                team.Add(create(assignment.UserId!.Value, assignment.Role!.Value));
            }
            else
            {
                existing.Role = assignment.Role!.Value;
            }
        }
    }
}

/// <summary>A staff member on a wedding's team, or a client linked to it.</summary>
public sealed class WeddingTeamMember : ITeamMember
{
    public Guid WeddingId { get; init; }
    public Guid UserId { get; init; }
    public TeamRole Role { get; set; }
}

public sealed class WeddingModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Wedding>(wedding =>
        {
            wedding.ToTable("weddings");
            wedding.Property(w => w.Id).ValueGeneratedNever();
            wedding.Property(w => w.Title).HasMaxLength(200);
            wedding.Property(w => w.BrideName).HasMaxLength(100);
            wedding.Property(w => w.GroomName).HasMaxLength(100);
            wedding.Property(w => w.City).HasMaxLength(100);
            wedding.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
            wedding.Property(w => w.Currency).HasMaxLength(3);
            wedding.Property(w => w.Notes).HasMaxLength(4000);
            wedding.Property(w => w.SearchText).HasMaxLength(402);
            wedding.Property(w => w.Version).IsConcurrencyToken();
            wedding.HasIndex(w => new { w.PrimaryDate, w.Id });
            wedding.HasIndex(w => w.Status);
            wedding.HasQueryFilter(w => w.DeletedAt == null);
            wedding.HasMany(w => w.Team).WithOne().HasForeignKey(t => t.WeddingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WeddingTeamMember>(member =>
        {
            member.ToTable("wedding_team_members");
            member.HasKey(t => new { t.WeddingId, t.UserId });
            member.HasIndex(t => t.UserId);
            member.Property(t => t.Role).HasConversion<string>().HasMaxLength(20);
            member.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        // Declared here, where the wedding is known: a wedding's calendar feeds go with it.
        modelBuilder.Entity<CalendarFeed>().HasOne<Wedding>().WithMany().HasForeignKey(f => f.WeddingId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class WeddingTables
{
    extension(TenantDbContext db)
    {
        public DbSet<Wedding> Weddings => db.Set<Wedding>();
        public DbSet<WeddingTeamMember> WeddingTeamMembers => db.Set<WeddingTeamMember>();
    }
}
