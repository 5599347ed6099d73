using WedTech.Server.Events;

namespace WedTech.Server.Guests;

/// <summary>
/// A wedding's headcounts per event, for the caterer and the rooms: places invited, attending, declined, pending, and the
/// attending split by diet, side and age group.
/// </summary>
public static class Headcounts
{
    public const string NotKnown = "not-known";

    public sealed record HouseholdRow(Guid Id, GuestSide Side);

    public sealed record GuestRow(Guid Id, AgeGroup AgeGroup, Diet? Diet);

    /// <summary>What counting needs of an invitation.</summary>
    public sealed record InvitationRow(Guid HouseholdId, Guid EventId, int Places, RsvpAnswer Answer, int Attending, List<MemberRsvp> Members);

    /// <summary>The counts of a wedding's guest list per event id, without the events' names: what changes only with the list.</summary>
    public sealed record ListCounts(int Households, int Guests, Dictionary<Guid, EventHeadcount> ByEvent);

    public static ListCounts Count(IReadOnlyList<HouseholdRow> households, IReadOnlyList<GuestRow> guests, IReadOnlyList<InvitationRow> invitations)
    {
        var sides = households.ToDictionary(h => h.Id, h => h.Side);
        var people = guests.ToDictionary(g => g.Id);
        var byEvent = invitations.GroupBy(i => i.EventId).ToDictionary(g => g.Key, invited =>
        {
            var diet = new Dictionary<string, int>();
            var side = new Dictionary<string, int>();
            var age = new Dictionary<string, int>();
            foreach (var invitation in invited.Where(i => i.Attending > 0))
            {
                Add(side, ApiJson.EnumName(sides[invitation.HouseholdId]), invitation.Attending);
                var named = invitation.Members.Where(m => m.Answer == RsvpAnswer.Attending).Select(m => people.GetValueOrDefault(m.GuestId)).OfType<GuestRow>().ToList();
                foreach (var guest in named)
                {
                    Add(diet, guest.Diet is { } d ? ApiJson.EnumName(d) : NotKnown, 1);
                    Add(age, ApiJson.EnumName(guest.AgeGroup), 1);
                }
                // A household that answered with a number: who they are is not known.
                Add(diet, NotKnown, invitation.Attending - named.Count);
                Add(age, NotKnown, invitation.Attending - named.Count);
            }
            var places = invited.Sum(i => i.Places);
            var attending = invited.Sum(i => i.Attending);
            var declined = invited.Where(i => i.Answer != RsvpAnswer.Pending).Sum(i => i.Places - i.Attending);
            return new EventHeadcount(invited.Key, "", default, invited.Count(), places, attending, declined, places - attending - declined,
                Groups(diet), Groups(side), Groups(age));
        });
        return new ListCounts(households.Count, guests.Count, byEvent);
    }

    /// <summary>The counts under the wedding's events as they are now, in time order; an event nobody is invited to counts nothing.</summary>
    public static HeadcountsResponse For(Guid weddingId, IReadOnlyList<EventOfWedding> events, ListCounts counts) => new(weddingId, counts.Households, counts.Guests,
        events.Select(e => counts.ByEvent.TryGetValue(e.Id, out var count) ? count with { Name = e.Name, Start = e.Start }
            : new EventHeadcount(e.Id, e.Name, e.Start, 0, 0, 0, 0, 0, [], [], [])).ToList());

    private static void Add(Dictionary<string, int> counts, string key, int count)
    {
        if (count > 0)
        {
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
    }

    private static List<HeadcountGroup> Groups(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new HeadcountGroup(c.Key, c.Value)).ToList();
}
