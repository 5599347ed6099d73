using System.Globalization;

namespace WedTech.Server.Vendors.Pages;

/// <summary>Every word of a vendor's day page, in English and in Hindi (the link carries the language it was sent in).</summary>
public sealed class VendorDayText
{
    public required string Lang { get; init; }
    public required string OtherLang { get; init; }
    public required string OtherLangName { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required Func<string, string> Title { get; init; }
    public required string ArriveBy { get; init; }
    public required string YourItems { get; init; }
    public required string NoItems { get; init; }
    public required string Confirm { get; init; }
    public required string Confirmed { get; init; }
    public required Func<string, string> ProposedSaid { get; init; }
    public required string OtherTime { get; init; }
    public required string Date { get; init; }
    public required string Time { get; init; }
    public required string Note { get; init; }
    public required string Propose { get; init; }
    public required string Thanks { get; init; }
    public required string BadTime { get; init; }
    public required string Venue { get; init; }

    public static readonly VendorDayText English = new()
    {
        Lang = "en", OtherLang = "hi", OtherLangName = "हिंदी", Culture = CultureInfo.GetCultureInfo("en-IN"),
        NotFoundTitle = "This link does not open a schedule",
        NotFoundText = "It may have been replaced by a newer link, or the booking changed. Ask the planner who sent it for the current one.",
        Title = eventName => $"Your schedule: {eventName}",
        ArriveBy = "Please arrive by", YourItems = "Your part of the day", NoItems = "The planner has not given you other items yet.",
        Confirm = "I will be there at this time", Confirmed = "You confirmed this time. Thank you!",
        ProposedSaid = time => $"You proposed {time}. The planner will confirm.",
        OtherTime = "Need another time?", Date = "Date", Time = "Time", Note = "A note for the planner (optional)", Propose = "Propose this time",
        Thanks = "Thank you! The planner sees your answer now.", BadTime = "Give a date and time within a day of the event.", Venue = "Venue",
    };

    public static readonly VendorDayText Hindi = new()
    {
        Lang = "hi", OtherLang = "en", OtherLangName = "English", Culture = CultureInfo.GetCultureInfo("hi-IN"),
        NotFoundTitle = "यह लिंक कोई कार्यक्रम नहीं खोलता",
        NotFoundText = "शायद इसकी जगह नया लिंक भेजा गया है, या बुकिंग बदल गई है। जिन प्लानर ने भेजा था, उनसे नया लिंक माँगें।",
        Title = eventName => $"आपका कार्यक्रम: {eventName}",
        ArriveBy = "कृपया इस समय तक पहुँचें", YourItems = "दिन में आपका काम", NoItems = "प्लानर ने अभी आपको और कोई काम नहीं दिया है।",
        Confirm = "मैं इस समय पहुँच जाऊँगा", Confirmed = "आपने यह समय पक्का कर दिया है। धन्यवाद!",
        ProposedSaid = time => $"आपने {time} का समय बताया है। प्लानर पुष्टि करेंगे।",
        OtherTime = "कोई दूसरा समय चाहिए?", Date = "तारीख़", Time = "समय", Note = "प्लानर के लिए संदेश (वैकल्पिक)", Propose = "यह समय भेजें",
        Thanks = "धन्यवाद! प्लानर अब आपका जवाब देख सकते हैं।", BadTime = "समारोह के एक दिन के भीतर की तारीख़ और समय दें।", Venue = "स्थान",
    };

    public static VendorDayText For(HttpContext http) => http.Request.Query["lang"] == "hi" ? Hindi : English;

    public string When(DateTime time) => time.ToString("ddd d MMM, h:mm tt", Culture);

    public string Clock(DateTime time) => time.ToString("h:mm tt", Culture);
}
