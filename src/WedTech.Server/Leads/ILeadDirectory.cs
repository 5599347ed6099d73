namespace WedTech.Server.Leads;

/// <summary>
/// Leads as other modules see them (proposals, contracts, automations). Writes through it land in the caller's unit of
/// work: they are saved by the caller's <c>SaveChangesAsync</c>, with whatever else the caller changes.
/// </summary>
public interface ILeadDirectory
{
    /// <summary>The lead, or null when the studio has none with this id.</summary>
    Task<LeadContact?> FindAsync(Guid leadId, CancellationToken cancellationToken);

    /// <summary>The lead; 404 "Lead not found" when the studio has none with this id.</summary>
    Task<LeadContact> RequireAsync(Guid leadId, CancellationToken cancellationToken);

    /// <summary>Adds a line to the lead's timeline (see <see cref="LeadActivityKind"/>), by the signed-in user if any.</summary>
    Task RecordAsync(Guid leadId, LeadActivityKind kind, string text, Guid? subjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the lead to the stage of <paramref name="kind"/> when it is still in an open stage before it (sending a proposal
    /// moves a lead in "Meeting" to "Proposal sent", never one already won), with a timeline line. False when it did not move.
    /// </summary>
    Task<bool> ReachedAsync(Guid leadId, PipelineStageKind kind, CancellationToken cancellationToken);

    /// <summary>Moves an open lead to another open stage (an automation's action), with a timeline line saying why.</summary>
    Task<bool> MoveAsync(Guid leadId, Guid stageId, string why, CancellationToken cancellationToken);

    /// <summary>
    /// Timeline lines of the given kinds made at or after <paramref name="since"/> and before <paramref name="until"/>,
    /// oldest first: what automations read. A line committed late may carry an earlier time, so a reader goes back over a
    /// margin and keeps what it acted on by the line's <see cref="LeadHappening.Id"/>.
    /// </summary>
    Task<IReadOnlyList<LeadHappening>> HappenedAsync(IReadOnlyCollection<LeadActivityKind> kinds, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Adds a follow-up to the lead's timeline (a note saying what to do), for <paramref name="userId"/> at <paramref name="at"/> (an automation's action).</summary>
    Task FollowUpAsync(Guid leadId, Guid userId, DateTimeOffset at, string text, CancellationToken cancellationToken);

    /// <summary>The studio's pipeline stages, in board order.</summary>
    Task<IReadOnlyList<(Guid Id, string Name, PipelineStageKind Kind)>> StagesAsync(CancellationToken cancellationToken);
}

/// <summary>A lead as other modules need it. Phone and e-mail are personal data: use them to reach the couple, never log them.</summary>
public sealed record LeadContact(
    Guid Id, string Names, string ContactName, string? Phone, string? Email, string? PartnerName, string? PartnerEmail,
    IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Events, string? City, int? GuestEstimate, LeadSource Source,
    Guid StageId, PipelineStageKind StageKind, Guid? AssigneeId, Guid? WeddingId, BudgetBand? Budget = null, string? StageName = null);

/// <summary>A line of a lead's timeline, for automations.</summary>
public sealed record LeadHappening(Guid Id, Guid LeadId, LeadActivityKind Kind, DateTimeOffset At, Guid? StageId, Guid? SubjectId);

/// <summary>
/// Contributed by the modules that carry a lead's work into the wedding it becomes (the accepted proposal's payment plan and
/// first invoice; the signed contracts, for the couple to read). Run in <see cref="Order"/> inside the one transaction of
/// "Won", after the wedding, its events and its client users exist: a step that throws undoes the whole conversion.
/// </summary>
public interface ILeadConversionStep
{
    int Order { get; }

    Task ConvertAsync(LeadConversion conversion, CancellationToken cancellationToken);
}

/// <summary>The lead being won and the wedding it became, with the couple's client users and the events made.</summary>
public sealed record LeadConversion(Guid LeadId, Guid WeddingId, IReadOnlyList<Guid> ClientUserIds, IReadOnlyList<Guid> EventIds);
