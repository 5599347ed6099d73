using WedTech.Server.Guests.Pages;

namespace WedTech.Server.Travel.Pages;

/// <summary>Every word of the guests' travel page, in English and in Hindi, chosen with the RSVP page's language.</summary>
public sealed class TravelText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Given { get; init; }
    public required string Remove { get; init; }
    public required string AddTitle { get; init; }
    public required string Who { get; init; }
    public required string Direction { get; init; }
    public required IReadOnlyList<(string Value, string Text)> Directions { get; init; }
    public required string Mode { get; init; }
    public required IReadOnlyList<(string Value, string Text)> Modes { get; init; }
    public required string Date { get; init; }
    public required string Time { get; init; }
    public required string TimeHint { get; init; }
    public required string Carrier { get; init; }
    public required string Number { get; init; }
    public required string Place { get; init; }
    public required string PlaceHint { get; init; }
    public required string Terminal { get; init; }
    public required string NeedsPickup { get; init; }
    public required string Send { get; init; }
    public required string Thanks { get; init; }
    public required string Removed { get; init; }
    public required string Back { get; init; }
    public required IReadOnlyDictionary<string, string> Problems { get; init; }

    public static readonly TravelText English = new()
    {
        Title = "Your travel",
        Intro = "Tell us how you are coming and going, and we will arrange your pickup. Each trip: who travels, when it lands or leaves (local time), the flight or train, and where.",
        Given = "What you have told us", Remove = "Remove", AddTitle = "Add an arrival or departure", Who = "Who is travelling",
        Direction = "Arriving or leaving", Directions = [("arrival", "Arriving for the wedding"), ("departure", "Leaving after the wedding")],
        Mode = "By", Modes = [("flight", "Flight"), ("train", "Train"), ("road", "Road"), ("other", "Other")],
        Date = "Date", Time = "Time", TimeHint = "The local time it lands, arrives or leaves.",
        Carrier = "Airline or train name", Number = "Flight or train number", Place = "Airport, station or address", PlaceHint = "For example: Jaipur International Airport.",
        Terminal = "Terminal or platform", NeedsPickup = "We need a pickup (or a ride to it)", Send = "Send",
        Thanks = "Thank you! The planners will arrange your pickup and tell you.", Removed = "Removed.", Back = "Back to your invitation",
        Problems = new Dictionary<string, string>
        {
            ["guests"] = "Choose who is travelling.", ["time"] = "Write the date and time as the boxes ask.", ["place"] = "Name the airport, station or address.",
            ["direction"] = "Choose arriving or leaving.", ["mode"] = "Choose how you travel.", ["text"] = "This is too long.",
        },
    };

    public static readonly TravelText Hindi = new()
    {
        Title = "आपकी यात्रा",
        Intro = "बताइए कि आप कैसे आ और जा रहे हैं, हम आपके पिकअप का इंतज़ाम करेंगे। हर यात्रा: कौन आ रहा है, कब पहुँचेगा या निकलेगा (स्थानीय समय), फ़्लाइट या ट्रेन, और कहाँ।",
        Given = "आपने जो बताया है", Remove = "हटाएँ", AddTitle = "आगमन या प्रस्थान जोड़ें", Who = "कौन यात्रा कर रहा है",
        Direction = "आगमन या प्रस्थान", Directions = [("arrival", "शादी के लिए आ रहे हैं"), ("departure", "शादी के बाद जा रहे हैं")],
        Mode = "साधन", Modes = [("flight", "फ़्लाइट"), ("train", "ट्रेन"), ("road", "सड़क"), ("other", "अन्य")],
        Date = "तारीख़", Time = "समय", TimeHint = "पहुँचने या निकलने का स्थानीय समय।",
        Carrier = "एयरलाइन या ट्रेन का नाम", Number = "फ़्लाइट या ट्रेन नंबर", Place = "हवाई अड्डा, स्टेशन या पता", PlaceHint = "जैसे: जयपुर अंतरराष्ट्रीय हवाई अड्डा।",
        Terminal = "टर्मिनल या प्लेटफ़ॉर्म", NeedsPickup = "हमें पिकअप चाहिए (या वहाँ तक गाड़ी)", Send = "भेजें",
        Thanks = "धन्यवाद! प्लानर आपके पिकअप का इंतज़ाम करके आपको बताएँगे।", Removed = "हटा दिया गया।", Back = "अपने निमंत्रण पर लौटें",
        Problems = new Dictionary<string, string>
        {
            ["guests"] = "चुनें कि कौन यात्रा कर रहा है।", ["time"] = "तारीख़ और समय खानों के अनुसार लिखें।", ["place"] = "हवाई अड्डा, स्टेशन या पता लिखें।",
            ["direction"] = "आगमन या प्रस्थान चुनें।", ["mode"] = "यात्रा का साधन चुनें।", ["text"] = "यह बहुत लंबा है।",
        },
    };

    public static TravelText For(RsvpText text) => text.Lang == "hi" ? Hindi : English;
}
