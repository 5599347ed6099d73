using WedTech.Server.Guests.Documents;

namespace WedTech.Server.Guests.Pages;

/// <summary>Every word of the guest's ID page, in English and in Hindi, chosen with <see cref="RsvpText"/>.</summary>
public sealed class IdText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required Func<int, string> Kept { get; init; }
    public required string NotAsked { get; init; }
    public required string Sent { get; init; }
    public required string NotYet { get; init; }
    public required string Who { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyDictionary<IdDocumentKind, string> Kinds { get; init; }
    public required string Number { get; init; }
    public required string NumberHint { get; init; }
    public required string File { get; init; }
    public required string FileHint { get; init; }
    public required Func<string, int, string> Consent { get; init; }
    public required string Send { get; init; }
    public required Func<string, string> Thanks { get; init; }
    public required string Replaces { get; init; }
    public required string Back { get; init; }
    public required string Link { get; init; }
    public required IReadOnlyDictionary<IdProblem, string> Problems { get; init; }

    public static readonly IdText English = new()
    {
        Title = "ID for the hotel",
        Intro = "The hotel asks every guest staying for a photo ID. Send one for each person: a photo or PDF of their Aadhaar (a masked Aadhaar from the UIDAI website is best), passport, driving licence or voter ID.",
        Kept = days => $"Only the wedding's planners can open it. It is stored encrypted and deleted {days} days after the wedding.",
        NotAsked = "The wedding planner is not collecting IDs for this wedding.",
        Sent = "Received", NotYet = "Not sent yet", Who = "Whose ID", Kind = "Kind of ID",
        Kinds = new Dictionary<IdDocumentKind, string>
        {
            [IdDocumentKind.Aadhaar] = "Aadhaar", [IdDocumentKind.Passport] = "Passport", [IdDocumentKind.DrivingLicence] = "Driving licence", [IdDocumentKind.VoterId] = "Voter ID",
        },
        Number = "Number on the ID", NumberHint = "We keep only its last four characters.",
        File = "Photo or PDF of the ID", FileHint = "A JPEG, PNG or WebP photo, or a PDF, of at most 8 MB.",
        Consent = (studio, days) => $"I agree that {studio} keeps this ID for the hotel's check-in and deletes it {days} days after the wedding.",
        Send = "Send the ID", Thanks = name => $"Thank you: {name}'s ID is received.", Replaces = "Sending another one replaces it.",
        Back = "Back to my RSVP", Link = "Send IDs for the hotel",
        Problems = new Dictionary<IdProblem, string>
        {
            [IdProblem.ChooseWho] = "Choose whose ID this is.",
            [IdProblem.ChooseKind] = "Choose the kind of ID.",
            [IdProblem.NoNumber] = "Write the number on the ID.",
            [IdProblem.NumberTooLong] = "That is longer than any ID number.",
            [IdProblem.AadhaarShape] = "An Aadhaar number has 12 digits, and does not start with 0 or 1.",
            [IdProblem.AadhaarCheck] = "That is not a valid Aadhaar number: check the 12 digits against the card.",
            [IdProblem.PassportShape] = "A passport number has 6 to 12 letters and digits.",
            [IdProblem.LicenceShape] = "A driving licence number starts with the state's two letters, then 8 to 16 letters and digits.",
            [IdProblem.VoterIdShape] = "A voter ID (EPIC) number has 3 letters and 7 digits.",
            [IdProblem.NoFile] = "Attach a photo or a PDF of the ID.",
            [IdProblem.TooBig] = "The file is over 8 MB: send a smaller photo.",
            [IdProblem.NotAllowedType] = "Send a photo (JPEG, PNG or WebP) or a PDF.",
            [IdProblem.NoConsent] = "Tick the box to agree; without it the ID cannot be kept.",
            [IdProblem.SentTwice] = "This ID was sent twice at the same moment. Check the list above, and send it again if it is not there.",
        },
    };

    public static readonly IdText Hindi = new()
    {
        Title = "होटल के लिए पहचान पत्र",
        Intro = "होटल ठहरने वाले हर मेहमान से फ़ोटो वाला पहचान पत्र माँगता है। हर व्यक्ति का एक भेजें: आधार (UIDAI वेबसाइट से मास्क्ड आधार सबसे अच्छा है), पासपोर्ट, ड्राइविंग लाइसेंस या वोटर आईडी की फ़ोटो या PDF।",
        Kept = days => $"इसे केवल शादी के प्लानर खोल सकते हैं। यह एन्क्रिप्ट करके रखा जाता है और शादी के {days} दिन बाद हटा दिया जाता है।",
        NotAsked = "वेडिंग प्लानर इस शादी के लिए पहचान पत्र नहीं ले रहे हैं।",
        Sent = "मिल गया", NotYet = "अभी नहीं भेजा", Who = "किसका पहचान पत्र", Kind = "पहचान पत्र का प्रकार",
        Kinds = new Dictionary<IdDocumentKind, string>
        {
            [IdDocumentKind.Aadhaar] = "आधार", [IdDocumentKind.Passport] = "पासपोर्ट", [IdDocumentKind.DrivingLicence] = "ड्राइविंग लाइसेंस", [IdDocumentKind.VoterId] = "वोटर आईडी",
        },
        Number = "पहचान पत्र का नंबर", NumberHint = "हम केवल इसके आख़िरी चार अक्षर रखते हैं।",
        File = "पहचान पत्र की फ़ोटो या PDF", FileHint = "JPEG, PNG या WebP फ़ोटो, या PDF, अधिकतम 8 MB।",
        Consent = (studio, days) => $"मैं सहमत हूँ कि {studio} यह पहचान पत्र होटल में चेक-इन के लिए रखे और शादी के {days} दिन बाद हटा दे।",
        Send = "पहचान पत्र भेजें", Thanks = name => $"धन्यवाद: {name} का पहचान पत्र मिल गया।", Replaces = "दूसरा भेजने पर यह बदल जाएगा।",
        Back = "मेरे जवाब पर वापस", Link = "होटल के लिए पहचान पत्र भेजें",
        Problems = new Dictionary<IdProblem, string>
        {
            [IdProblem.ChooseWho] = "चुनें कि यह किसका पहचान पत्र है।",
            [IdProblem.ChooseKind] = "पहचान पत्र का प्रकार चुनें।",
            [IdProblem.NoNumber] = "पहचान पत्र का नंबर लिखें।",
            [IdProblem.NumberTooLong] = "यह किसी भी पहचान पत्र के नंबर से लंबा है।",
            [IdProblem.AadhaarShape] = "आधार नंबर में 12 अंक होते हैं, और यह 0 या 1 से शुरू नहीं होता।",
            [IdProblem.AadhaarCheck] = "यह सही आधार नंबर नहीं है: कार्ड से 12 अंक मिलाकर देखें।",
            [IdProblem.PassportShape] = "पासपोर्ट नंबर में 6 से 12 अक्षर और अंक होते हैं।",
            [IdProblem.LicenceShape] = "ड्राइविंग लाइसेंस नंबर राज्य के दो अक्षरों से शुरू होता है, फिर 8 से 16 अक्षर और अंक।",
            [IdProblem.VoterIdShape] = "वोटर आईडी (EPIC) नंबर में 3 अक्षर और 7 अंक होते हैं।",
            [IdProblem.NoFile] = "पहचान पत्र की फ़ोटो या PDF लगाएँ।",
            [IdProblem.TooBig] = "फ़ाइल 8 MB से बड़ी है: छोटी फ़ोटो भेजें।",
            [IdProblem.NotAllowedType] = "फ़ोटो (JPEG, PNG या WebP) या PDF भेजें।",
            [IdProblem.NoConsent] = "सहमति के लिए बॉक्स पर टिक करें; इसके बिना पहचान पत्र नहीं रखा जा सकता।",
            [IdProblem.SentTwice] = "यह पहचान पत्र एक ही समय पर दो बार भेजा गया। ऊपर की सूची देखें, और न हो तो फिर से भेजें।",
        },
    };

    public static IdText For(RsvpText language) => language == RsvpText.Hindi ? Hindi : English;
}
