namespace WedTech.Server.Guests.Sending;

/// <summary>A household a message goes to, at the address it goes to (an E.164 number or an e-mail address).</summary>
public sealed record GuestRecipient(Guid HouseholdId, string DisplayName, string Address);

/// <summary>Whom a sending reaches, who is left out and why, and how many a reminder passes over for having answered.</summary>
public sealed record GuestAudience(IReadOnlyList<GuestRecipient> Recipients, IReadOnlyList<GuestSendSkip> Skipped, int AlreadyAnswered);

/// <summary>What a sending asks for, as a request gives it and as a scheduled sending keeps it.</summary>
public sealed record GuestAudienceQuery(Guid WeddingId, GuestMessageKind Kind, MessageChannel Channel, Guid? EventId, IReadOnlyCollection<Guid> HouseholdIds);

public static class GuestAudiences
{
    /// <summary>
    /// The households of the query: those chosen (or all), invited (to the event, when given; a household chosen by name but
    /// not invited is named among the skipped), with an answer pending for a reminder, and with an address on the channel —
    /// the household's own, or else its first member's that has one.
    /// </summary>
    public static async Task<GuestAudience> FindAsync(TenantDbContext db, GuestAudienceQuery query, string? eventName, CancellationToken cancellationToken)
    {
        var households = db.Households.AsNoTracking().Where(h => h.WeddingId == query.WeddingId);
        var chosen = query.HouseholdIds.Count > 0;
        if (chosen)
        {
            var ids = query.HouseholdIds.Distinct().ToList();
            households = households.Where(h => ids.Contains(h.Id));
        }
        var byPhone = query.Channel is MessageChannel.WhatsApp or MessageChannel.Sms;
        var eventId = query.EventId;
        var rows = await households.OrderBy(h => h.DisplayName).ThenBy(h => h.Id).Select(h => new
        {
            h.Id,
            h.DisplayName,
            Address = byPhone
                ? h.Phone ?? h.Members.Where(m => m.Phone != null).OrderBy(m => m.Position).Select(m => m.Phone).FirstOrDefault()
                : h.Email ?? h.Members.Where(m => m.Email != null).OrderBy(m => m.Position).Select(m => m.Email).FirstOrDefault(),
            Invited = h.Invitations.Any(i => eventId == null || i.EventId == eventId),
            Pending = h.Invitations.Any(i => (eventId == null || i.EventId == eventId) && i.Answer == RsvpAnswer.Pending),
        }).ToListAsync(cancellationToken);
        if (chosen && rows.Count < query.HouseholdIds.Distinct().Count())
        {
            throw new ValidationFailedException("householdIds", $"{query.HouseholdIds.Distinct().Count() - rows.Count} of the households chosen are not on this wedding's guest list.");
        }

        var recipients = new List<GuestRecipient>();
        var skipped = new List<GuestSendSkip>();
        var answered = 0;
        foreach (var row in rows)
        {
            if (!row.Invited)
            {
                if (chosen)
                {
                    skipped.Add(new GuestSendSkip(row.Id, row.DisplayName, eventName is null ? "Not invited to any event yet" : $"Not invited to the {eventName}"));
                }
            }
            else if (query.Kind == GuestMessageKind.Reminder && !row.Pending)
            {
                answered++;
            }
            else if (row.Address is null)
            {
                skipped.Add(new GuestSendSkip(row.Id, row.DisplayName, byPhone ? "No mobile number" : "No e-mail address"));
            }
            else
            {
                recipients.Add(new GuestRecipient(row.Id, row.DisplayName, row.Address));
            }
        }
        return new GuestAudience(recipients, skipped, answered);
    }
}
