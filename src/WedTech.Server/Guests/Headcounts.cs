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

    public static HeadcountsResponse Count(Guid weddingId, IReadOnlyList<EventOfWedding> events, IReadOnlyList<HouseholdRow> households,
        IReadOnlyList<GuestRow> guests, IReadOnlyList<Invitation> invitations)
    {
        var sides = households.ToDictionary(h => h.Id, h => h.Side);
        var people = guests.ToDictionary(g => g.Id);
        var byEvent = invitations.ToLookup(i => i.EventId);
        var counts = events.Select(e =>
        {
            var invited = byEvent[e.Id].ToList();
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
            return new EventHeadcount(e.Id, e.Name, e.Start, invited.Count, places, attending, declined, places - attending - declined,
                Groups(diet), Groups(side), Groups(age));
        }).ToList();
        return new HeadcountsResponse(weddingId, households.Count, guests.Count, counts);
    }

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
