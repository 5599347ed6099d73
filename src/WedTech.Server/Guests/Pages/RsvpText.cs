using System.Globalization;

namespace WedTech.Server.Guests.Pages;

/// <summary>
/// Every word of the guests' pages, in English and in Hindi. The language is <c>?lang=hi</c> (or <c>en</c>), remembered
/// in a cookie for the next visit.
/// </summary>
public sealed class RsvpText
{
    public const string CookieName = "rsvp-lang";

    public required string Lang { get; init; }
    public required string OtherLang { get; init; }
    public required string OtherLangName { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string Title { get; init; }
    public required string Weds { get; init; }
    public required string Greeting { get; init; }
    public required string Deadline { get; init; }
    public required string ClosedTitle { get; init; }
    public required string ClosedText { get; init; }
    public required string Venue { get; init; }
    public required string Coming { get; init; }
    public required string NotComing { get; init; }
    public required string AreYouComing { get; init; }
    public required string HowMany { get; init; }
    public required string NotAnswered { get; init; }
    public required Func<int, string> Places { get; init; }
    public required string Food { get; init; }
    public required string Diet { get; init; }
    public required IReadOnlyList<(string Value, string Text)> Diets { get; init; }
    public required string Allergies { get; init; }
    public required string Travel { get; init; }
    public required string TravelHint { get; init; }
    public required string Arrival { get; init; }
    public required string Departure { get; init; }
    public required string Date { get; init; }
    public required string Time { get; init; }
    public required string By { get; init; }
    public required string Note { get; init; }
    public required string Save { get; init; }
    public required string ThankYou { get; init; }
    public required string Saved { get; init; }
    public required string Change { get; init; }
    public required string NoEvents { get; init; }
    public required string Fix { get; init; }
    /// <summary>An answer above the places, for the guest: the rules' own message in English, the same in Hindi.</summary>
    public required Func<RsvpRefusal, string, string> Refused { get; init; }
    public required string BadDate { get; init; }
    public required string DepartureBeforeArrival { get; init; }
    public required Func<int, string> TooLong { get; init; }
    public required string NotPlain { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string FindLink { get; init; }
    public required string FindTitle { get; init; }
    public required string FindIntro { get; init; }
    public required string FindName { get; init; }
    public required string FindDigits { get; init; }
    public required string FindDigitsHint { get; init; }
    public required string FindButton { get; init; }
    public required string FindNone { get; init; }
    public required string FindGiveName { get; init; }
    public required string FindGiveDigits { get; init; }
    public required string TooManyTitle { get; init; }
    public required string TooManyText { get; init; }
    public required string GuestOf { get; init; }
    public required string Stay { get; init; }
    public required Func<string, string, string> CheckInOut { get; init; }
    public required string PassTitle { get; init; }
    public required string Journeys { get; init; }
    public required string Arriving { get; init; }
    public required string Leaving { get; init; }
    public required string PickupLine { get; init; }
    public required string RideLine { get; init; }
    public required string NoPickupYet { get; init; }
    public required Func<string, string, string> Driver { get; init; }
    public required string TravelLink { get; init; }
    public required string PassText { get; init; }

    public static readonly RsvpText English = new()
    {
        Lang = "en", OtherLang = "hi", OtherLangName = "हिंदी", Culture = CultureInfo.GetCultureInfo("en-IN"),
        Title = "Your RSVP", Weds = "&", Greeting = "Please tell us who is coming to each event.",
        Deadline = "Please answer by", ClosedTitle = "Answers are closed",
        ClosedText = "The date to answer has passed. For any change, contact", Venue = "Venue",
        Coming = "Coming", NotComing = "Not coming", AreYouComing = "Are you coming?", HowMany = "How many of you are coming?",
        NotAnswered = "Not answered yet", Places = n => n == 1 ? "1 place" : $"{n} places",
        Food = "Food", Diet = "Food preference",
        Diets = [("", "Not said"), ("veg", "Vegetarian"), ("jain", "Jain"), ("eggetarian", "Eggetarian"), ("non-veg", "Non-vegetarian"), ("vegan", "Vegan")],
        Allergies = "Allergies", Travel = "Travel", TravelHint = "So that we can meet you and plan your stay.",
        Arrival = "Arrival", Departure = "Departure", Date = "Date", Time = "Time", By = "Train or flight",
        Note = "A note to the couple", Save = "Send my answer", ThankYou = "Thank you!", Saved = "Your answer is saved. You can change it until the date above.",
        Change = "Change my answer", NoEvents = "There are no events on this invitation yet.",
        Fix = "Please check the answers marked below.",
        Refused = (refusal, _) => refusal.Message,
        BadDate = "Write the date and time as the boxes ask.", DepartureBeforeArrival = "The departure is before the arrival.",
        TooLong = max => $"Use at most {max} characters.", NotPlain = "Remove the control characters from this text.",
        NotFoundTitle = "This link does not work", NotFoundText = "The link may be old or mistyped. Ask the family or the wedding planner for a new one, or find your invitation by name.",
        FindLink = "Find my invitation", FindTitle = "Find my invitation",
        FindIntro = "Give your name and the last four digits of your mobile number, as the family has it.",
        FindName = "Your name", FindDigits = "Last 4 digits of your mobile", FindDigitsHint = "For 98765 43210, write 3210.", FindButton = "Find",
        FindNone = "We could not find an invitation with this name and number. Check both, or contact the family.",
        FindGiveName = "Write your name.", FindGiveDigits = "Write the last four digits of your mobile number.",
        TooManyTitle = "Too many tries", TooManyText = "Please wait 15 minutes and try again, or contact the family.",
        GuestOf = "Guest of",
        Stay = "Where you stay", CheckInOut = (from, to) => $"check-in {from}, check-out {to}",
        PassTitle = "Your guest pass",
        Journeys = "Your travel and pickups", Arriving = "Arriving", Leaving = "Leaving", PickupLine = "Pickup", RideLine = "Your ride leaves",
        NoPickupYet = "we will send you your pickup", Driver = (name, phone) => $"driver {name}, {phone}",
        TravelLink = "Give your flight or train, for a pickup",
        PassText = "Show this code at the entrance on the day, on your phone or printed: we check your family in with one scan.",
    };

    public static readonly RsvpText Hindi = new()
    {
        Lang = "hi", OtherLang = "en", OtherLangName = "English", Culture = CultureInfo.GetCultureInfo("hi-IN"),
        Title = "आपका जवाब", Weds = "और", Greeting = "कृपया बताइए कि हर समारोह में कौन आ रहा है।",
        Deadline = "कृपया इस तारीख़ तक जवाब दें:", ClosedTitle = "जवाब देने का समय पूरा हो गया",
        ClosedText = "जवाब देने की तारीख़ निकल चुकी है। कोई बदलाव हो तो संपर्क करें:", Venue = "स्थान",
        Coming = "आ रहे हैं", NotComing = "नहीं आ रहे", AreYouComing = "आप आ रहे हैं?", HowMany = "आप में से कितने लोग आ रहे हैं?",
        NotAnswered = "अभी जवाब नहीं दिया", Places = n => n == 1 ? "1 व्यक्ति" : $"{n} व्यक्ति",
        Food = "भोजन", Diet = "भोजन की पसंद",
        Diets = [("", "नहीं बताया"), ("veg", "शाकाहारी"), ("jain", "जैन"), ("eggetarian", "अंडा-शाकाहारी"), ("non-veg", "मांसाहारी"), ("vegan", "वीगन")],
        Allergies = "एलर्जी", Travel = "यात्रा", TravelHint = "ताकि हम आपको लेने आ सकें और ठहरने का इंतज़ाम कर सकें।",
        Arrival = "आगमन", Departure = "प्रस्थान", Date = "तारीख़", Time = "समय", By = "ट्रेन या फ़्लाइट",
        Note = "दूल्हा-दुल्हन के लिए संदेश", Save = "मेरा जवाब भेजें", ThankYou = "धन्यवाद!", Saved = "आपका जवाब सहेज लिया गया है। ऊपर दी गई तारीख़ तक आप इसे बदल सकते हैं।",
        Change = "मेरा जवाब बदलें", NoEvents = "इस निमंत्रण में अभी कोई समारोह नहीं है।",
        Fix = "कृपया नीचे चिह्नित जवाब जाँच लें।",
        Refused = (refusal, contact) => $"यह निमंत्रण {refusal.Places} व्यक्ति के लिए है। और लोगों को लाने के लिए {contact} से संपर्क करें।",
        BadDate = "तारीख़ और समय खानों के अनुसार लिखें।", DepartureBeforeArrival = "प्रस्थान, आगमन से पहले है।",
        TooLong = max => $"अधिकतम {max} अक्षर लिखें।", NotPlain = "इस लेख से नियंत्रण वर्ण हटाएँ।",
        NotFoundTitle = "यह लिंक काम नहीं कर रहा", NotFoundText = "लिंक पुराना या ग़लत हो सकता है। परिवार या वेडिंग प्लानर से नया लिंक माँगें, या नाम से अपना निमंत्रण खोजें।",
        FindLink = "मेरा निमंत्रण खोजें", FindTitle = "मेरा निमंत्रण खोजें",
        FindIntro = "अपना नाम और अपने मोबाइल नंबर के आख़िरी चार अंक लिखें, जैसे परिवार के पास है।",
        FindName = "आपका नाम", FindDigits = "मोबाइल के आख़िरी 4 अंक", FindDigitsHint = "98765 43210 के लिए 3210 लिखें।", FindButton = "खोजें",
        FindNone = "इस नाम और नंबर से कोई निमंत्रण नहीं मिला। दोनों जाँच लें, या परिवार से संपर्क करें।",
        FindGiveName = "अपना नाम लिखें।", FindGiveDigits = "अपने मोबाइल नंबर के आख़िरी चार अंक लिखें।",
        TooManyTitle = "बहुत ज़्यादा कोशिशें", TooManyText = "कृपया 15 मिनट रुककर फिर कोशिश करें, या परिवार से संपर्क करें।",
        GuestOf = "इनके मेहमान:",
        Stay = "आपके ठहरने की जगह", CheckInOut = (from, to) => $"चेक-इन {from}, चेक-आउट {to}",
        PassTitle = "आपका अतिथि पास",
        Journeys = "आपकी यात्रा और पिकअप", Arriving = "आगमन", Leaving = "प्रस्थान", PickupLine = "पिकअप", RideLine = "आपकी गाड़ी निकलेगी",
        NoPickupYet = "पिकअप की जानकारी हम आपको भेजेंगे", Driver = (name, phone) => $"ड्राइवर {name}, {phone}",
        TravelLink = "पिकअप के लिए अपनी फ़्लाइट या ट्रेन बताएँ",
        PassText = "समारोह के दिन प्रवेश द्वार पर यह कोड दिखाएँ, फ़ोन पर या छपा हुआ: एक स्कैन में आपके परिवार का स्वागत हो जाएगा।",
    };

    /// <summary>The language the visitor asked for in the address, else the one remembered, else English; remembers a choice made in the address.</summary>
    public static RsvpText For(HttpContext http)
    {
        var asked = http.Request.Query["lang"].ToString();
        var chosen = asked is "hi" or "en" ? asked : http.Request.Cookies[CookieName];
        if (asked is "hi" or "en" && asked != http.Request.Cookies[CookieName])
        {
            http.Response.Cookies.Append(CookieName, asked, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/rsvp",
            });
        }
        return chosen == "hi" ? Hindi : English;
    }

    public string Day(DateTime at) => at.ToString("dddd, d MMMM yyyy", Culture);

    /// <summary>A member by name, or an unnamed place by whose guest it is.</summary>
    public string NameOf(Guest member) => member.Name ?? $"{GuestOf} {member.GuestOf}";

    public string DayOf(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    /// <summary>A wall-clock time at a place, as "Thu 18 Nov, 2:30 pm".</summary>
    public string When(DateTime time) => time.ToString("ddd d MMM, h:mm tt", Culture);

    public string Clock(DateTime at) => at.ToString("h:mm tt", Culture);
}
