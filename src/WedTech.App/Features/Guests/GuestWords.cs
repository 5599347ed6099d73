using MudBlazor;

namespace WedTech.App.Features.Guests;

/// <summary>The words people see for sides, diets, age groups and answers, and which live changes touch the guest list.</summary>
public static class GuestWords
{
    public static string Of(GuestSide side) => side switch
    {
        GuestSide.Bride => "Bride's side",
        GuestSide.Groom => "Groom's side",
        _ => "Both sides",
    };

    public static string Of(Diet diet) => diet switch
    {
        Diet.Veg => "Veg",
        Diet.Jain => "Jain",
        Diet.Eggetarian => "Eggetarian",
        Diet.NonVeg => "Non-veg",
        Diet.Vegan => "Vegan",
        _ => diet.ToString(),
    };

    /// <summary>What a column of an imported file becomes, as the import wizard offers it.</summary>
    public static string Of(GuestField field) => field switch
    {
        GuestField.Ignore => "Don't import",
        GuestField.Household => "Family or household name",
        GuestField.Side => "Bride's or groom's side",
        GuestField.Group => "Relationship group",
        GuestField.Honorific => "Title (Mr, Smt, Dr)",
        GuestField.FirstName => "First name",
        GuestField.LastName => "Last name",
        GuestField.FullName => "Name",
        GuestField.LatinName => "Name in English letters",
        GuestField.Phone => "Phone",
        GuestField.Email => "E-mail",
        GuestField.City => "City",
        GuestField.State => "State",
        GuestField.Country => "Country",
        GuestField.AgeGroup => "Adult or child",
        GuestField.Diet => "Food",
        GuestField.Allergies => "Allergies",
        GuestField.Tags => "Tags",
        GuestField.Notes => "Notes for the studio",
        GuestField.Places => "Number of places",
        GuestField.PartnerHonorific => "Partner's title",
        GuestField.PartnerFirstName => "Partner's first name",
        GuestField.PartnerLastName => "Partner's last name",
        GuestField.ChildFirstName => "A child's first name",
        GuestField.ChildLastName => "A child's last name",
        _ => "Answer for an event",
    };

    public static string Of(AgeGroup age) => age switch
    {
        AgeGroup.Child => "Child",
        AgeGroup.Infant => "Infant",
        _ => "Adult",
    };

    public static string Of(RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.Attending => "Coming",
        RsvpAnswer.Declined => "Not coming",
        _ => "Waiting",
    };

    /// <summary>The answer's look on the guest list (a <c>guest-chip--…</c> class in guests.css).</summary>
    public static string ToneOf(RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.Attending => "coming",
        RsvpAnswer.Declined => "not-coming",
        _ => "waiting",
    };

    public static string Of(GuestMessageKind kind) => kind == GuestMessageKind.Invitation ? "Invitation" : "Reminder";

    public static string Of(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsApp => "WhatsApp",
        MessageChannel.Sms => "SMS",
        MessageChannel.Email => "E-mail",
        _ => channel.ToString(),
    };

    /// <summary>Where a household's last message stands, as the list shows it ("Invitation read"), or null before any.</summary>
    public static string? MessageState(HouseholdOutreach outreach) => outreach is { Kind: { } kind, Status: { } status }
        ? $"{Of(kind)} {status switch
        {
            MessageStatus.Queued => "sending",
            MessageStatus.Sent => "sent",
            MessageStatus.Delivered => "delivered",
            MessageStatus.Read => "read",
            _ => "not delivered",
        }}"
        : null;

    /// <summary>A diet as the headcounts name it ("non-veg", "not-known").</summary>
    public static string DietKey(string key) =>
        Enum.GetValues<Diet>().FirstOrDefault(d => ApiJson.EnumName(d) == key) is var diet && ApiJson.EnumName(diet) == key ? Of(diet) : "Not known";

    public static string Households(int count) => $"{IndianFormat.Count(count)} {(count == 1 ? "household" : "households")}";

    public static string Places(int count) => $"{IndianFormat.Count(count)} {(count == 1 ? "place" : "places")}";

    public static string Guests(int count) => $"{IndianFormat.Count(count)} {(count == 1 ? "guest" : "guests")}";

    /// <summary>A member as the list shows them: their name, or whose guest an unnamed place is.</summary>
    public static string NameOf(GuestResponse guest) => guest.Name ?? $"Guest of {guest.GuestOf}";

    /// <summary>Changes that move the headcounts: the list, or the events it is invited to.</summary>
    public static bool ChangesCounts(string change) =>
        change is WeddingChange.GuestsChanged or WeddingChange.EventCreated or WeddingChange.EventUpdated or WeddingChange.EventDeleted;
}
