namespace WedTech.App.Features.Seating;

/// <summary>What the seating page shows, worked out from the seating: who sits at each table, and who still needs a seat.</summary>
public static class SeatingView
{
    /// <summary>The members of one household at one table.</summary>
    public sealed record Party(SeatingHousehold Household, IReadOnlyList<SeatingGuest> Guests);

    /// <summary>The parties at the table, in household order.</summary>
    public static IReadOnlyList<Party> At(SeatingResponse seating, Guid tableId) =>
        [.. seating.Households.Select(h => new Party(h, [.. h.Guests.Where(g => g.TableId == tableId)])).Where(p => p.Guests.Count > 0)];

    /// <summary>The households with members not seated, with those members, matching the filter (names of the household or its members, its group).</summary>
    public static IReadOnlyList<Party> Unseated(SeatingResponse seating, string? filter)
    {
        var term = filter?.Trim();
        return [.. seating.Households.Select(h => new Party(h, [.. h.Guests.Where(g => g.TableId is null)]))
            .Where(p => p.Guests.Count > 0)
            .Where(p => string.IsNullOrEmpty(term) || p.Household.DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (p.Household.Group?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
                || p.Guests.Any(g => g.Name.Contains(term, StringComparison.OrdinalIgnoreCase)))];
    }

    public static int SeatedCount(SeatingResponse seating) => seating.Households.Sum(h => h.Guests.Count(g => g.TableId is not null));

    public static int GuestCount(SeatingResponse seating) => seating.Households.Sum(h => h.Guests.Count);

    public static string Guests(int count) => count == 1 ? "1 guest" : $"{count} guests";

    public static string Shape(TableShape shape) => shape switch
    {
        TableShape.Round => "Round",
        TableShape.Rectangle => "Rectangle",
        _ => "Long",
    };

    public static string Side(GuestSide side) => side switch
    {
        GuestSide.Bride => "Bride's side",
        GuestSide.Groom => "Groom's side",
        _ => "Both sides",
    };
}
