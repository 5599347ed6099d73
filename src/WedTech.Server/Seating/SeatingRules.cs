using System.Globalization;
using WedTech.Server.Guests;

namespace WedTech.Server.Seating;

/// <summary>A table as the rules see it.</summary>
public sealed record TableSlot(Guid Id, string Name, int Seats, int Position);

/// <summary>
/// The rules of an event's seating, on plain data so that a write and the automatic arrangement check the same thing:
/// no table over its seats, no pair kept apart at one table, a household at one table unless it may split.
/// </summary>
public sealed class SeatingRules
{
    private readonly Dictionary<Guid, TableSlot> _tables;
    private readonly Dictionary<Guid, (EventGuest Guest, EventHousehold Household)> _guests;
    private readonly IReadOnlyList<(Guid First, Guid Second)> _pairs;

    public SeatingRules(IEnumerable<TableSlot> tables, IEnumerable<EventHousehold> households, IEnumerable<(Guid First, Guid Second)> pairs)
    {
        _tables = tables.ToDictionary(t => t.Id);
        _guests = [];
        foreach (var household in households)
        {
            foreach (var guest in household.Guests)
            {
                _guests[guest.Id] = (guest, household);
            }
        }
        _pairs = [.. pairs];
    }

    public IReadOnlyDictionary<Guid, TableSlot> Tables => _tables;

    public string GuestName(Guid guestId) => _guests.TryGetValue(guestId, out var found) ? found.Guest.Name : "A guest";

    public EventHousehold? HouseholdOf(Guid guestId) => _guests.TryGetValue(guestId, out var found) ? found.Household : null;

    /// <summary>
    /// Every rule the seats break, each with the guests it is about: the seats are guest → table, of guests coming only;
    /// <paramref name="maySplit"/> are the households allowed at several tables.
    /// </summary>
    public List<(string Message, IReadOnlyList<Guid> Guests)> Clashes(IReadOnlyDictionary<Guid, Guid> seats, IReadOnlySet<Guid> maySplit)
    {
        var clashes = new List<(string, IReadOnlyList<Guid>)>();
        foreach (var table in seats.GroupBy(s => s.Value))
        {
            var slot = _tables[table.Key];
            var count = table.Count();
            if (count > slot.Seats)
            {
                clashes.Add((string.Create(CultureInfo.InvariantCulture,
                    $"{slot.Name} has {slot.Seats} {Seats(slot.Seats)}; this would put {count} guests there. Choose another table or give it more seats."),
                    table.Select(s => s.Key).ToList()));
            }
        }
        foreach (var (first, second) in _pairs)
        {
            if (seats.TryGetValue(first, out var a) && seats.TryGetValue(second, out var b) && a == b)
            {
                clashes.Add(($"{GuestName(first)} and {GuestName(second)} are to be kept apart, and this would seat both at {_tables[a].Name}.", [first, second]));
            }
        }
        foreach (var household in seats.Where(s => _guests.ContainsKey(s.Key)).GroupBy(s => _guests[s.Key].Household.Id))
        {
            var at = household.Select(s => s.Value).Distinct().ToList();
            if (at.Count > 1 && !maySplit.Contains(household.Key))
            {
                var name = _guests[household.First().Key].Household.DisplayName;
                clashes.Add(($"This would split {name} across {string.Join(" and ", at.Select(t => _tables[t]).OrderBy(t => t.Position).Select(t => t.Name))}. "
                    + "Move the whole household, or choose to split it.", household.Select(s => s.Key).ToList()));
            }
        }
        return clashes;
    }

    public static string Seats(int count) => count == 1 ? "seat" : "seats";
}
