namespace WedTech.App.Features.Guests.Components;

/// <summary>What the household editor holds while someone types: the household, its members and the events it is invited to.</summary>
public sealed class HouseholdFormModel
{
    public string DisplayName { get; set; } = "";
    public GuestSide? Side { get; set; }
    public string? Group { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? Tags { get; set; }
    public string? Notes { get; set; }
    public List<MemberModel> Members { get; set; } = [new()];

    /// <summary>Places per event the household is invited to; an event without places is not invited.</summary>
    public Dictionary<Guid, int?> Places { get; set; } = [];

    public static HouseholdFormModel From(HouseholdResponse h) => new()
    {
        DisplayName = h.DisplayName, Side = h.Side, Group = h.Group, Phone = h.Phone, Email = h.Email, City = h.City, State = h.State,
        Tags = string.Join(", ", h.Tags), Notes = h.Notes,
        Members = h.Members.Select(m => new MemberModel { Id = m.Id, Name = m.Name ?? "", GuestOf = m.GuestOf, AgeGroup = m.AgeGroup, Diet = m.Diet, Allergies = m.Allergies, Phone = m.Phone,
            LatinName = m.LatinName, Honorific = m.Honorific, Email = m.Email }).ToList(),
        Places = h.Invitations.ToDictionary(i => i.EventId, i => (int?)i.Places),
    };

    /// <summary>The request for the household; <paramref name="existing"/> keeps what the form does not show (travel).</summary>
    public HouseholdRequest ToRequest(HouseholdResponse? existing) => new(
        DisplayName, Side, Group, Phone, Email, City, State, existing?.Country, Tags?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        Notes, existing?.Travel, Members.Select(m => m.ToRequest()).ToList());

    public InvitationsRequest ToInvitations(HouseholdResponse? existing) => new(Places.Where(p => p.Value > 0)
        .Select(p => new InvitationRequest(p.Key, p.Value, existing?.Invitations.FirstOrDefault(i => i.EventId == p.Key)?.Guests)).ToList());

    /// <summary>Whether the invitations differ from those the household has.</summary>
    public bool InvitationsChanged(HouseholdResponse? existing)
    {
        var wanted = Places.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value!.Value);
        var now = existing?.Invitations.ToDictionary(i => i.EventId, i => i.Places) ?? [];
        return wanted.Count != now.Count || wanted.Any(w => !now.TryGetValue(w.Key, out var places) || places != w.Value);
    }

    public sealed class MemberModel
    {
        public Guid? Id { get; set; }
        public string Name { get; set; } = "";
        public string? LatinName { get; set; }
        public string? Honorific { get; set; }
        public string? GuestOf { get; set; }
        public AgeGroup AgeGroup { get; set; }
        public Diet? Diet { get; set; }
        public string? Allergies { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }

        public GuestRequest ToRequest() => new(Id, string.IsNullOrWhiteSpace(Name) ? null : Name, LatinName, Honorific, AgeGroup, Diet, Allergies, Phone, Email,
            string.IsNullOrWhiteSpace(Name) ? GuestOf : null);
    }
}
