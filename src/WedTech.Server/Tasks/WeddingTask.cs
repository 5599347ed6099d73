using WedTech.Server.Events;
using WedTech.Server.Weddings;

namespace WedTech.Server.Tasks;

/// <summary>How a task's due date is set: not at all, on a date, or counted from the wedding's day or an event's start.</summary>
public enum DueRule { None, Absolute, Wedding, Event }

/// <summary>A line of a task's checklist, kept with the task.</summary>
public sealed record ChecklistItem(Guid Id, string Text, bool Done);

/// <summary>Something that happened to a task's due date (its anchor was removed), kept with the task.</summary>
public sealed record TaskNote(DateTimeOffset At, string Text);

/// <summary>
/// A task of a wedding (and perhaps one of its events). The rule of its due date is kept (<see cref="Rule"/> and its parts)
/// with what it gives (<see cref="DueAt"/>, <see cref="DueOn"/>): relative dates are worked out again when the wedding or the
/// event moves. <see cref="SourceKey"/> names where a made task came from (a template's line, an automation's occurrence):
/// one task per wedding and key, so applying twice or a sweep run twice adds nothing twice.
/// </summary>
[AuditChanges("task")]
public sealed class WeddingTask : IVersioned, ITimestamped
{
    private TaskState _status;
    private DateTimeOffset? _dueAt;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid? EventId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public TaskState Status
    {
        get => _status;
        set
        {
            _status = value;
            CopyToAssignees();
        }
    }
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    [NotAudited]
    public int Position { get; set; }

    [PartOfRecord]
    public List<TaskAssignment> Assignees { get; set; } = [];

    public DueRule Rule { get; set; }
    public DateOnly? RuleOn { get; set; }
    public TimeOnly? RuleAt { get; set; }
    public Guid? AnchorEventId { get; set; }
    public int? OffsetDays { get; set; }
    public int? OffsetMinutes { get; set; }

    /// <summary>When it is due: the instant (an all-day task: the end of its day in the studio's zone), the local date, whether all day.</summary>
    [NotAudited]
    public DateTimeOffset? DueAt
    {
        get => _dueAt;
        set
        {
            _dueAt = value;
            CopyToAssignees();
        }
    }

    public DateOnly? DueOn { get; set; }

    [NotAudited]
    public bool AllDay { get; set; }

    public List<ChecklistItem> Checklist { get; set; } = [];

    [NotAudited]
    public List<TaskNote> History { get; set; } = [];

    [NotAudited]
    public string? SourceKey { get; init; }

    [NotAudited]
    public int CommentCount { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void Assign(Guid userId) =>
        Assignees.Add(new TaskAssignment { TaskId = Id, UserId = userId, WeddingId = WeddingId, Open = _status != TaskState.Done, DueAt = _dueAt });

    // EF reads and writes the fields, so a task read from the database copies nothing; a change made here reaches the
    // assignments loaded with it (whoever changes the status or the date of a tracked task loads its assignees).
    private void CopyToAssignees()
    {
        foreach (var assignment in Assignees)
        {
            assignment.Open = _status != TaskState.Done;
            assignment.DueAt = _dueAt;
        }
    }
}

/// <summary>Who a task is assigned to: a member of the studio's staff, or one of the couple.</summary>
public sealed class TaskAssignment
{
    public Guid TaskId { get; init; }
    public Guid UserId { get; init; }

    /// <summary>Copied from the task: "my tasks" finds a person's tasks of the weddings they see without the task table.</summary>
    public Guid WeddingId { get; init; }

    /// <summary>
    /// Copied from the task whenever they change (<see cref="WeddingTask.Status"/> not done, <see cref="WeddingTask.DueAt"/>):
    /// "my tasks" is then one range of an index, not a look-up of every task the person was ever given.
    /// </summary>
    public bool Open { get; set; }

    public DateTimeOffset? DueAt { get; set; }
}

/// <summary>A comment on a task; its mentions were told.</summary>
public sealed class TaskComment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TaskId { get; init; }
    public Guid? AuthorId { get; init; }
    public required string AuthorName { get; init; }
    public required string Text { get; init; }
    public List<Guid> Mentions { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A reminder sent for a task: one of each kind per due date, however often the job runs.</summary>
public sealed class TaskReminder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TaskId { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

/// <summary>A studio's checklist template: lines with due dates relative to the wedding or one of its events.</summary>
[AuditChanges("task-template")]
public sealed class TaskTemplate : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The built-in template this is (seeded for every studio); null for the studio's own.</summary>
    public string? BuiltInKey { get; init; }

    public List<TaskTemplateItem> Items { get; set; } = [];
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class TaskModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WeddingTask>(task =>
        {
            task.ToTable("tasks");
            task.Property(t => t.Id).ValueGeneratedNever();
            task.Property(t => t.Title).HasMaxLength(TaskLimits.MaxTitle);
            task.Property(t => t.Description).HasMaxLength(TaskLimits.MaxDescription);
            task.Property(t => t.Status).HasConversion<string>().HasMaxLength(12);
            task.Property(t => t.Priority).HasConversion<string>().HasMaxLength(8);
            task.Property(t => t.Rule).HasConversion<string>().HasMaxLength(10);
            task.Property(t => t.Checklist).HasJsonConversion();
            task.Property(t => t.History).HasJsonConversion();
            task.Property(t => t.SourceKey).HasMaxLength(80);
            task.Property(t => t.Version).IsConcurrencyToken();
            task.HasIndex(t => new { t.WeddingId, t.Status, t.Position });
            task.HasIndex(t => new { t.WeddingId, t.SourceKey }).IsUnique();
            task.HasIndex(t => t.DueAt);
            task.HasIndex(t => t.AnchorEventId);
            task.HasMany(t => t.Assignees).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
            task.HasOne<Wedding>().WithMany().HasForeignKey(t => t.WeddingId).OnDelete(DeleteBehavior.Cascade);
            // The anchor's removal is handled before it goes (the date stays, as an absolute one); the event a task is for may go.
            task.HasOne<WeddingEvent>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.SetNull);
            task.HasOne<WeddingEvent>().WithMany().HasForeignKey(t => t.AnchorEventId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<TaskAssignment>(assignment =>
        {
            assignment.ToTable("task_assignees");
            assignment.HasKey(a => new { a.TaskId, a.UserId });
            assignment.HasIndex(a => new { a.UserId, a.Open, a.DueAt });
        });
        modelBuilder.Entity<TaskComment>(comment =>
        {
            comment.ToTable("task_comments");
            comment.Property(c => c.Id).ValueGeneratedNever();
            comment.Property(c => c.AuthorName).HasMaxLength(120);
            comment.Property(c => c.Text).HasMaxLength(TaskLimits.MaxComment);
            comment.Property(c => c.Mentions).HasJsonConversion();
            comment.HasIndex(c => c.TaskId);
            comment.HasOne<WeddingTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TaskReminder>(reminder =>
        {
            reminder.ToTable("task_reminders");
            reminder.Property(r => r.Id).ValueGeneratedNever();
            reminder.Property(r => r.Kind).HasMaxLength(10);
            reminder.HasIndex(r => new { r.TaskId, r.Kind, r.DueAt }).IsUnique();
            reminder.HasOne<WeddingTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TaskTemplate>(template =>
        {
            template.ToTable("task_templates");
            template.Property(t => t.Id).ValueGeneratedNever();
            template.Property(t => t.Name).HasMaxLength(120);
            template.Property(t => t.Description).HasMaxLength(500);
            template.Property(t => t.BuiltInKey).HasMaxLength(40);
            template.Property(t => t.Items).HasJsonConversion();
            template.Property(t => t.Version).IsConcurrencyToken();
            template.HasIndex(t => t.Name).IsUnique();
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class TaskTables
{
    extension(TenantDbContext db)
    {
        public DbSet<WeddingTask> WeddingTasks => db.Set<WeddingTask>();
        public DbSet<TaskAssignment> TaskAssignments => db.Set<TaskAssignment>();
        public DbSet<TaskComment> TaskComments => db.Set<TaskComment>();
        public DbSet<TaskReminder> TaskReminders => db.Set<TaskReminder>();
        public DbSet<TaskTemplate> TaskTemplates => db.Set<TaskTemplate>();
    }
}
