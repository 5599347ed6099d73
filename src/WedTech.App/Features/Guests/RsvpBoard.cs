namespace WedTech.App.Features.Guests;

/// <summary>
/// One event's households in three columns, as the RSVP board shows them: coming (anyone of the household is, however
/// many have not answered yet), waiting (no one has said yes, not everyone has said no) and not coming, each with its
/// places: the places coming, the places still waiting for an answer, the places declined.
/// </summary>
public static class RsvpBoard
{
    public sealed record Card(HouseholdResponse Household, InvitationResponse Invitation);

    public sealed record Column(RsvpAnswer Answer, IReadOnlyList<Card> Cards, int Places);

    public static IReadOnlyList<Column> For(IEnumerable<HouseholdResponse> households, Guid eventId)
    {
        var cards = households.Select(h => h.Invitations.FirstOrDefault(i => i.EventId == eventId) is { } invitation ? new Card(h, invitation) : null)
            .OfType<Card>().ToLookup(card => ColumnOf(card.Invitation));
        return
        [
            new(RsvpAnswer.Attending, [.. cards[RsvpAnswer.Attending]], cards[RsvpAnswer.Attending].Sum(c => c.Invitation.Attending)),
            new(RsvpAnswer.Pending, [.. cards[RsvpAnswer.Pending]], cards[RsvpAnswer.Pending].Sum(c => c.Invitation.Places)),
            new(RsvpAnswer.Declined, [.. cards[RsvpAnswer.Declined]], cards[RsvpAnswer.Declined].Sum(c => c.Invitation.Places)),
        ];
    }

    public static RsvpAnswer ColumnOf(InvitationResponse invitation) =>
        invitation.Attending > 0 ? RsvpAnswer.Attending : invitation.Answer == RsvpAnswer.Declined ? RsvpAnswer.Declined : RsvpAnswer.Pending;
}
