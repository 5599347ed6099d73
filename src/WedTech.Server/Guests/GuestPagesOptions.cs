namespace WedTech.Server.Guests;

/// <summary>The guests' own pages (RSVP and "find my invitation"), section <c>GuestPages</c>.</summary>
public sealed class GuestPagesOptions
{
    /// <summary>Visits and answers a minute per address of a studio; bench/guests.sh lifts it to load one page from one address.</summary>
    public int RequestsPerMinute { get; set; } = GuestsModule.RsvpPageRequestsPerMinute;
}
