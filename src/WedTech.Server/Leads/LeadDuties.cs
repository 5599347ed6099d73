using System.Globalization;
using Microsoft.Extensions.Options;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Leads;

/// <summary>
/// Tells each person of the follow-ups they asked for (or were asked to do) that fall due by the end of the studio's day and
/// are not done, on leads still open: in the app, by push and by e-mail, once per follow-up however often it runs.
/// </summary>
public sealed class LeadFollowUpReminders(TenantDbContext db, LeadStages stages, IStudioSettings studio, UserNotices notices) : IDailyDuty
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var closed = all.Where(s => s.Kind is PipelineStageKind.Won or PipelineStageKind.Lost).Select(s => s.Id).ToList();
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var today = await studio.TodayAsync(cancellationToken);
        var endOfToday = VenueTime.ToInstant(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, "today");
        var due = await (from activity in db.LeadActivities.AsNoTracking()
                         join lead in db.Leads.AsNoTracking() on activity.LeadId equals lead.Id
                         where activity.FollowUpAt != null && activity.FollowUpDoneAt == null && activity.FollowUpUserId != null
                               && activity.FollowUpAt < endOfToday && !closed.Contains(lead.StageId)
                         select new { activity.Id, activity.LeadId, activity.FollowUpAt, activity.FollowUpUserId, activity.Text, activity.Kind, lead.Names })
            .ToListAsync(cancellationToken);
        foreach (var followUp in due)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(followUp.FollowUpAt!.Value, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
            var at = TimeZoneInfo.ConvertTime(followUp.FollowUpAt.Value, TimeZoneInfo.FindSystemTimeZoneById(zone));
            await notices.TellAsync([followUp.FollowUpUserId!.Value], "lead-follow-up", new Dictionary<string, string>
            {
                ["leadNames"] = followUp.Names,
                ["due"] = day == today ? "today at " + at.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant() : IndianFormat.DueWhen(day, today),
                ["text"] = followUp.Text ?? $"after the {ApiConventions.EnumName(followUp.Kind)}",
            }, null, AppLinks.Lead(followUp.LeadId), $"lead-follow-up:{followUp.Id:N}", cancellationToken);
        }
    }
}

/// <summary>
/// India's DPDP Act: a lost lead's purpose has ended. <see cref="LeadOptions.LostContactDays"/> days after it was lost its
/// phone, e-mails and message are erased; the names, dates, source and reason stay for the conversion figures.
/// </summary>
public sealed class LostLeadRetention(TenantDbContext db, LeadStages stages, AuditLog audit, IOptions<LeadOptions> options, TimeProvider time) : IDailyDuty
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var lost = all.First(s => s.Kind == PipelineStageKind.Lost).Id;
        var before = time.GetUtcNow().AddDays(-options.Value.LostContactDays);
        var leads = await db.Leads.Where(l => l.StageId == lost && l.StageChangedAt < before
                && (l.Phone != null || l.Email != null || l.PartnerEmail != null || l.Message != null))
            .ToListAsync(cancellationToken);
        if (leads.Count == 0)
        {
            return;
        }
        foreach (var lead in leads)
        {
            (lead.Phone, lead.Email, lead.PartnerEmail, lead.Message) = (null, null, null, null);
            lead.RefreshSearchText();
        }
        // The inquiry's message was copied to its timeline line.
        var ids = leads.Select(l => l.Id).ToList();
        await db.LeadActivities.Where(a => ids.Contains(a.LeadId) && a.Kind == LeadActivityKind.InquiryReceived)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Text, "Inquiry from the studio's form (its message erased with the contact details)."), cancellationToken);
        audit.Record("lead.contacts-erased", nameof(Lead), null, string.Create(CultureInfo.InvariantCulture,
            $"{leads.Count} lost leads, {options.Value.LostContactDays} days after they were lost"));
        await db.SaveChangesAsync(cancellationToken);
    }
}
