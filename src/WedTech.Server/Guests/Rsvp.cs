using System.Globalization;

namespace WedTech.Server.Guests;

/// <summary>
/// The rules of an answer, the same whoever gives it (the studio, the couple, the guest on their page, an import):
/// per member or as a headcount, never above the invitation's places, and every change kept in the history.
/// </summary>
public static class Rsvp
{
    /// <summary>
    /// Applies the answer to the invitation and returns the history entry, or null when nothing changed. Refuses an
    /// answer above the places with a field error that ends with <paramref name="overAllowance"/> (what the one answering can do).
    /// </summary>
    public static RsvpChange? Apply(Household household, Invitation invitation, RsvpRequest request, DateTimeOffset now, RsvpSource source, Guid? byUserId,
        string overAllowance)
    {
        var errors = new FieldErrors();
        if ((request.Members is null) == (request.Attending is null))
        {
            errors.Add("attending", "Answer either for each member or with the number coming, not both.");
            errors.ThrowIfAny();
        }
        var before = (invitation.Answer, invitation.Attending, Members: invitation.Members);
        if (request.Members is { } given)
        {
            var invited = invitation.Guests.Count > 0 ? invitation.Guests.ToHashSet() : household.Members.Select(m => m.Id).ToHashSet();
            var answers = invitation.Members.ToDictionary(m => m.GuestId, m => m.Answer);
            var seen = new HashSet<Guid>();
            for (var i = 0; i < given.Count; i++)
            {
                var answer = given[i];
                if (answer is null || !invited.Contains(answer.GuestId!.Value))
                {
                    errors.Add($"members[{i}].guestId", "This member is not invited to this event.");
                }
                else if (!seen.Add(answer.GuestId.Value))
                {
                    errors.Add($"members[{i}].guestId", "Answer once for each member.");
                }
                else
                {
                    answers[answer.GuestId.Value] = answer.Answer!.Value;
                }
            }
            errors.ThrowIfAny();
            var attending = answers.Count(a => a.Value == RsvpAnswer.Attending);
            RefuseAboveAllowance(invitation, attending, "members", overAllowance);
            invitation.Members = household.Members.Where(m => answers.ContainsKey(m.Id)).Select(m => new MemberRsvp(m.Id, answers[m.Id])).ToList();
            Settle(household, invitation);
        }
        else
        {
            RefuseAboveAllowance(invitation, request.Attending!.Value, "attending", overAllowance);
            invitation.Members = [];
            invitation.Attending = request.Attending.Value;
            invitation.Answer = request.Attending.Value > 0 ? RsvpAnswer.Attending : RsvpAnswer.Declined;
        }
        if (before.Answer == invitation.Answer && before.Attending == invitation.Attending && before.Members.SequenceEqual(invitation.Members))
        {
            return null;
        }
        invitation.AnsweredAt = now;
        return new RsvpChange
        {
            HouseholdId = household.Id, EventId = invitation.EventId, At = now, Source = source, ByUserId = byUserId,
            Before = before.Answer, AttendingBefore = before.Attending, After = invitation.Answer, AttendingAfter = invitation.Attending,
        };
    }

    /// <summary>
    /// Derives the answer and headcount from the members' answers: attending when anyone comes, declined when every member
    /// invited said no, pending otherwise (and when no member has answered).
    /// </summary>
    public static void Settle(Household household, Invitation invitation)
    {
        var invited = invitation.Guests.Count > 0 ? invitation.Guests : household.Members.Select(m => m.Id).ToList();
        invitation.Attending = invitation.Members.Count(m => m.Answer == RsvpAnswer.Attending);
        invitation.Answer = invitation.Attending > 0 ? RsvpAnswer.Attending
            : invitation.Members.Count > 0 && invited.All(id => invitation.Members.Any(m => m.GuestId == id && m.Answer == RsvpAnswer.Declined)) ? RsvpAnswer.Declined
            : RsvpAnswer.Pending;
    }

    private static void RefuseAboveAllowance(Invitation invitation, int attending, string field, string overAllowance)
    {
        if (attending > invitation.Places)
        {
            throw new ValidationFailedException(field, string.Create(CultureInfo.InvariantCulture,
                $"This invitation is for {invitation.Places} {(invitation.Places == 1 ? "place" : "places")}, and {attending} is more. {overAllowance}"));
        }
    }
}
