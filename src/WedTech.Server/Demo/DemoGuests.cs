using WedTech.Server.Events;
using WedTech.Server.Guests;

namespace WedTech.Server.Demo;

/// <summary>
/// The demo weddings' guest lists: families from both sides, in Latin and Devanagari, invited to the events from the
/// Mehendi on, with the answers a planner has a month before: most in, some declined, some still waiting.
/// </summary>
internal static class DemoGuests
{
    private static readonly (string Family, GuestSide Side, string City, string[] Members, Diet? Diet, string[] Tags)[] Families =
    [
        ("Sharma family", GuestSide.Bride, "Jaipur", ["Sunita Sharma", "Rajesh Sharma", "Aditi Sharma"], Diet.Veg, ["family"]),
        ("शर्मा परिवार (चाचा जी)", GuestSide.Bride, "Ajmer", ["रमेश शर्मा", "कमला शर्मा"], Diet.Jain, ["family", "outstation"]),
        ("Mehta ji & family", GuestSide.Groom, "Ahmedabad", ["Harish Mehta", "Nisha Mehta", "Kabir Mehta", "Tara Mehta"], Diet.Jain, ["family", "outstation"]),
        ("Verma family", GuestSide.Groom, "Delhi", ["Anil Verma", "Poonam Verma"], Diet.NonVeg, ["family"]),
        ("Iyer family", GuestSide.Bride, "Chennai", ["Lakshmi Iyer", "Venkat Iyer"], Diet.Veg, ["outstation"]),
        ("Khan family", GuestSide.Groom, "Lucknow", ["Imran Khan", "Sana Khan", "Zara Khan"], Diet.NonVeg, ["friends", "outstation"]),
        ("Chris & Emma Thomas", GuestSide.Both, "London", ["Christopher Thomas", "Emma Thomas"], Diet.NonVeg, ["NRI", "friends"]),
        ("Reddy family", GuestSide.Bride, "Hyderabad", ["Srinivas Reddy", "Padma Reddy", "Anjali Reddy"], Diet.Eggetarian, ["outstation"]),
        ("Gill family", GuestSide.Groom, "Amritsar", ["Harpreet Gill", "Manpreet Gill"], Diet.Veg, ["family"]),
        ("Office friends (Bengaluru)", GuestSide.Both, "Bengaluru", ["Rahul Nair", "Sneha Rao", "Vikram Joshi"], Diet.Vegan, ["colleagues", "outstation"]),
        ("Kapoor family", GuestSide.Bride, "Jaipur", ["Meena Kapoor", "Sanjay Kapoor"], Diet.Veg, ["local", "VIP"]),
        ("D'Souza family", GuestSide.Groom, "Goa", ["Neil D'Souza", "Maria D'Souza"], Diet.NonVeg, ["friends"]),
    ];

    /// <summary>The households of a wedding, each invited to the events from the second on, with answers as a month before.</summary>
    public static List<Household> For(Guid weddingId, IReadOnlyList<WeddingEvent> events, DateTimeOffset now)
    {
        var households = new List<Household>();
        var invitedTo = events.OrderBy(e => e.StartsAt).Skip(events.Count > 2 ? 1 : 0).ToList();
        for (var f = 0; f < Families.Length; f++)
        {
            var (family, side, city, names, diet, tags) = Families[f];
            var household = new Household
            {
                WeddingId = weddingId, DisplayName = family, Side = side, City = city, Tags = [.. tags], Phone = $"+91981000{f:D4}",
                Country = "IN", CreatedAt = now, UpdatedAt = now,
            };
            household.Members.AddRange(names.Select((name, i) => new Guest
            {
                HouseholdId = household.Id, Position = i, Name = name, Diet = diet, AgeGroup = i >= 2 && names.Length > 3 ? AgeGroup.Child : AgeGroup.Adult,
            }));
            household.RefreshSearchText();
            foreach (var (e, i) in invitedTo.Select((e, i) => (e, i)))
            {
                // Two in three have answered; one family cannot come to the first event.
                var answered = (f + i) % 3 != 0;
                var attending = !answered ? 0 : f == 3 && i == 0 ? 0 : names.Length;
                household.Invitations.Add(new Invitation
                {
                    HouseholdId = household.Id, WeddingId = weddingId, EventId = e.Id, Places = names.Length,
                    Answer = !answered ? RsvpAnswer.Pending : attending > 0 ? RsvpAnswer.Attending : RsvpAnswer.Declined,
                    Attending = attending, AnsweredAt = answered ? now : null, CreatedAt = now, UpdatedAt = now,
                });
            }
            households.Add(household);
        }
        return households;
    }
}
