using System.Globalization;

namespace WedTech.Server.Guests.Pages;

/// <summary>
/// The fields of the guest's RSVP form by name, as the household's saved answers (a first visit) or as posted, with the
/// errors found reading them, in the page's language.
/// </summary>
public sealed class RsvpForm
{
    public const int MaxAllergies = 500;
    public const int MaxTravelBy = 100;
    public const int MaxNote = 2000;
    public const string ArriveDate = "arrive-date", ArriveTime = "arrive-time", ArriveBy = "arrive-by";
    public const string DepartDate = "depart-date", DepartTime = "depart-time", DepartBy = "depart-by";
    public const string Note = "note";
    public const string Attending = "attending", Declined = "declined";

    private readonly Dictionary<string, string> _values;

    private RsvpForm(Dictionary<string, string> values) => _values = values;

    public Dictionary<string, string> Errors { get; } = [];

    public static string AnswerField(Guid eventId, Guid guestId) => $"a-{eventId:N}-{guestId:N}";

    public static string HeadcountField(Guid eventId) => $"n-{eventId:N}";

    /// <summary>The error of an event's answer as a whole (a refusal above the places).</summary>
    public static string EventError(Guid eventId) => $"e-{eventId:N}";

    public static string DietField(Guid guestId) => $"d-{guestId:N}";

    public static string AllergiesField(Guid guestId) => $"al-{guestId:N}";

    public string Value(string field) => _values.GetValueOrDefault(field, "");

    public static RsvpForm Saved(RsvpHousehold page)
    {
        var household = page.Household;
        var values = new Dictionary<string, string>();
        foreach (var item in page.Events)
        {
            var invitation = item.Invitation;
            foreach (var member in invitation.Members.Where(m => m.Answer != RsvpAnswer.Pending))
            {
                values[AnswerField(item.Event.Id, member.GuestId)] = member.Answer == RsvpAnswer.Attending ? Attending : Declined;
            }
            if (!item.PerMember && invitation.Answer != RsvpAnswer.Pending)
            {
                values[HeadcountField(item.Event.Id)] = invitation.Attending.ToString(CultureInfo.InvariantCulture);
            }
        }
        foreach (var member in household.Members)
        {
            values[DietField(member.Id)] = member.Diet is { } diet ? ApiJson.EnumName(diet) : "";
            values[AllergiesField(member.Id)] = member.Allergies ?? "";
        }
        (values[ArriveDate], values[ArriveTime]) = DateAndTime(household.ArrivalAt);
        (values[DepartDate], values[DepartTime]) = DateAndTime(household.DepartureAt);
        values[ArriveBy] = household.ArrivalBy ?? "";
        values[DepartBy] = household.DepartureBy ?? "";
        values[Note] = household.NoteToCouple ?? "";
        return new RsvpForm(values);
    }

    public static RsvpForm Posted(IFormCollection form) => new(form.Keys.ToDictionary(key => key, key => form[key].ToString()));

    /// <summary>The answers the form holds for this household; what cannot be read is in <see cref="Errors"/>.</summary>
    public RsvpAnswers Read(RsvpHousehold page, RsvpText text)
    {
        var answers = new RsvpAnswers();
        foreach (var item in page.Events)
        {
            var eventId = item.Event.Id;
            if (item.PerMember)
            {
                var given = new Dictionary<Guid, RsvpAnswer>();
                foreach (var member in item.Invited)
                {
                    switch (Value(AnswerField(eventId, member.Id)))
                    {
                        case Attending:
                            given[member.Id] = RsvpAnswer.Attending;
                            break;
                        case Declined:
                            given[member.Id] = RsvpAnswer.Declined;
                            break;
                    }
                }
                answers.Members[eventId] = given;
            }
            else if (Value(HeadcountField(eventId)) is { Length: > 0 } count)
            {
                if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var coming) && coming <= 100)
                {
                    answers.Headcounts[eventId] = coming;
                }
                else
                {
                    Errors[EventError(eventId)] = text.Fix;
                }
            }
        }
        foreach (var member in page.Household.Members)
        {
            Diet? diet = null;
            if (Value(DietField(member.Id)) is { Length: > 0 } given)
            {
                if (ApiConventions.TryParseEnum<Diet>(given, out var parsed))
                {
                    diet = parsed;
                }
                else
                {
                    Errors[DietField(member.Id)] = text.Fix;
                }
            }
            answers.Diets[member.Id] = (diet, Text(AllergiesField(member.Id), MaxAllergies, text));
        }
        answers.ArrivalAt = When(ArriveDate, ArriveTime, text);
        answers.DepartureAt = When(DepartDate, DepartTime, text);
        if (answers is { ArrivalAt: { } arrival, DepartureAt: { } departure } && departure < arrival)
        {
            Errors[DepartDate] = text.DepartureBeforeArrival;
        }
        answers.ArrivalBy = Text(ArriveBy, MaxTravelBy, text);
        answers.DepartureBy = Text(DepartBy, MaxTravelBy, text);
        answers.NoteToCouple = Text(Note, MaxNote, text);
        return answers;
    }

    private string? Text(string field, int maxLength, RsvpText text)
    {
        var value = Value(field).TrimmedOrNull();
        if (value is null)
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            Errors[field] = text.TooLong(maxLength);
        }
        else if (!PlainTextConverter.IsPlain(value))
        {
            Errors[field] = text.NotPlain;
        }
        return value;
    }

    /// <summary>A date (yyyy-mm-dd, as a date box sends it) with an optional time (hh:mm); a time alone is an error.</summary>
    private DateTime? When(string dateField, string timeField, RsvpText text)
    {
        var (date, time) = (Value(dateField).Trim(), Value(timeField).Trim());
        if (date.Length == 0 && time.Length == 0)
        {
            return null;
        }
        var clock = TimeOnly.MinValue;
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && (time.Length == 0 || TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out clock)))
        {
            return day.ToDateTime(clock);
        }
        Errors[dateField] = text.BadDate;
        return null;
    }

    private static (string Date, string Time) DateAndTime(DateTime? at) => at is { } value
        ? (value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value.TimeOfDay == TimeSpan.Zero ? "" : value.ToString("HH:mm", CultureInfo.InvariantCulture))
        : ("", "");
}
