using WedTech.Server.Identity;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>
/// The channels a person chose for a kind of notice (task reminders): in the app, by push, by e-mail. No row: all of them.
/// <see cref="UserNotices"/> honours it for the notices of that kind.
/// </summary>
public sealed class NoticeChoice
{
    public Guid UserId { get; init; }
    public required string Kind { get; init; }
    public bool InApp { get; set; } = true;
    public bool Push { get; set; } = true;
    public bool Email { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Allows(MessageChannel channel) => channel switch
    {
        MessageChannel.InApp => InApp,
        MessageChannel.Push => Push,
        MessageChannel.Email => Email,
        _ => true,
    };
}

public sealed class NoticeChoiceModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<NoticeChoice>(choice =>
    {
        choice.ToTable("notice_choices");
        choice.HasKey(c => new { c.UserId, c.Kind });
        choice.Property(c => c.Kind).HasMaxLength(40);
    });
}

public static class NoticeChoiceTables
{
    extension(TenantDbContext db)
    {
        public DbSet<NoticeChoice> NoticeChoices => db.Set<NoticeChoice>();
    }
}

/// <summary>The caller's own choices of channels for the kinds of notices that offer one.</summary>
public sealed class NoticeChoices(TenantDbContext db, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Reminders of tasks assigned to the person, due soon or overdue.</summary>
    public const string TaskReminders = "task-reminders";

    public async Task<ReminderChannels> GetAsync(string kind, CancellationToken cancellationToken)
    {
        var me = currentUser.Required.Id;
        var choice = await db.NoticeChoices.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == me && c.Kind == kind, cancellationToken);
        return choice is null ? new ReminderChannels(true, true, true) : new ReminderChannels(choice.InApp, choice.Push, choice.Email);
    }

    public async Task<ReminderChannels> SetAsync(string kind, ReminderChannels request, CancellationToken cancellationToken)
    {
        var me = currentUser.Required.Id;
        var choice = await db.NoticeChoices.FirstOrDefaultAsync(c => c.UserId == me && c.Kind == kind, cancellationToken);
        if (choice is null)
        {
            choice = new NoticeChoice { UserId = me, Kind = kind };
            db.NoticeChoices.Add(choice);
        }
        (choice.InApp, choice.Push, choice.Email, choice.UpdatedAt) = (request.InApp!.Value, request.Push!.Value, request.Email!.Value, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new ReminderChannels(choice.InApp, choice.Push, choice.Email);
    }
}
