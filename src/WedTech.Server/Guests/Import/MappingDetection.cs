using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace WedTech.Server.Guests.Import;

/// <summary>
/// Detects an <see cref="ImportMapping"/> from a file's headers (English and Hindi, common aliases, Zola and The Knot
/// exports), and folds headers and values for comparison.
/// </summary>
public static partial class MappingDetection
{
    /// <summary>How many rows from a sheet's top are searched for its header (a title or a note often sits above it).</summary>
    public const int HeaderSearchRows = 10;

    /// <summary>Header text (folded by <see cref="Normal"/>, so a nukta or punctuation makes no second entry) → field.</summary>
    private static readonly Dictionary<string, GuestField> Aliases = BuildAliases(new()
    {
        [GuestField.Household] = ["family", "household", "household name", "party", "party name", "family group", "family name",
            "invite name", "invitation name", "addressed to", "address to", "परिवार", "परिवार का नाम", "घर"],
        [GuestField.Side] = ["side", "bride groom side", "bride or groom side", "bride s side groom s side", "bride groom",
            "guest of", "guest side", "पक्ष", "वर वधू पक्ष", "किसकी तरफ़ से", "तरफ़"],
        [GuestField.Group] = ["group", "relation", "relationship", "relationship to couple", "relation to couple",
            "relationship to bride", "relationship to groom", "relation with", "category", "circle", "रिश्ता", "संबंध", "सम्बन्ध", "समूह"],
        [GuestField.Honorific] = ["title", "salutation", "prefix", "honorific", "उपाधि"],
        [GuestField.FirstName] = ["first name", "firstname", "first", "given name", "fname", "पहला नाम"],
        [GuestField.LastName] = ["last name", "lastname", "last", "surname", "lname", "उपनाम", "कुलनाम"],
        [GuestField.FullName] = ["name", "full name", "guest name", "guest", "guests name", "name of guest", "naam", "invitee",
            "invitee name", "contact name", "person", "नाम", "पूरा नाम", "अतिथि", "अतिथि का नाम", "मेहमान", "मेहमान का नाम"],
        [GuestField.LatinName] = ["name in english", "english name", "latin name", "name english", "name roman", "अंग्रेज़ी में नाम"],
        [GuestField.Phone] = ["phone", "phone no", "phone number", "phone num", "mobile", "mobile no", "mobile number", "mob",
            "mob no", "cell", "cell phone", "cellphone", "whatsapp", "whatsapp no", "whatsapp number", "contact", "contact no",
            "contact number", "tel", "telephone", "फोन", "फोन नंबर", "फोन न", "मोबाइल", "मोबाइल नंबर", "मोबाइल न", "संपर्क", "व्हाट्सएप"],
        [GuestField.Email] = ["email", "e mail", "email address", "e mail address", "email id", "mail", "mail id", "ईमेल", "ई मेल"],
        [GuestField.City] = ["city", "town", "city town", "location", "place", "शहर", "नगर", "स्थान"],
        [GuestField.State] = ["state", "state region", "state province", "province", "region", "राज्य", "प्रदेश"],
        [GuestField.Country] = ["country", "देश"],
        [GuestField.AgeGroup] = ["age group", "adult child", "adult or child", "adult kid", "age category", "age", "आयु", "उम्र", "आयु वर्ग"],
        [GuestField.Diet] = ["diet", "dietary", "dietary preference", "dietary restrictions", "dietary requirements", "diet preference",
            "food", "food preference", "food choice", "meal", "meal preference", "meal choice", "veg non veg", "veg nonveg",
            "भोजन", "खाना", "भोजन पसंद"],
        [GuestField.Allergies] = ["allergies", "allergy", "food allergies", "allergy notes", "dietary notes", "एलर्जी"],
        [GuestField.Tags] = ["tags", "tag", "labels", "label", "टैग"],
        [GuestField.Notes] = ["notes", "note", "remarks", "remark", "comments", "comment", "internal notes", "टिप्पणी", "नोट", "विवरण"],
        [GuestField.Places] = ["count", "pax", "no of guests", "number of guests", "guests count", "guest count", "headcount", "head count",
            "total guests", "members", "no of members", "no of persons", "persons", "people", "no of people", "party size",
            "total definitely invited", "places", "seats", "संख्या", "सदस्य", "सदस्य संख्या", "कुल", "कुल सदस्य", "व्यक्ति"],
        [GuestField.PartnerHonorific] = ["partner title", "spouse title"],
        [GuestField.PartnerFirstName] = ["partner first name", "spouse first name", "partner name", "spouse name", "spouse", "partner",
            "पति पत्नी का नाम", "जीवनसाथी"],
        [GuestField.PartnerLastName] = ["partner last name", "spouse last name"],
        // Known columns the guest list does not keep (postal addresses, Zola's "maybe" count): ignored without a warning.
        [GuestField.Ignore] = ["street address", "street address line 2", "street address 1", "street address 2", "address",
            "address line 1", "address line 2", "zip", "zip postal code", "postal code", "postcode", "pincode", "pin code", "pin",
            "suffix", "partner suffix", "total maybe invited", "s no", "sr no", "sl no", "serial no", "no", "पता", "पिन कोड", "क्रम संख्या"],
    });

    /// <summary>Answers as Zola and The Knot write them: a column holding only these (and blanks) is an event's RSVP column.</summary>
    internal static readonly Dictionary<string, RsvpAnswer> RsvpWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["attending"] = RsvpAnswer.Attending, ["accepted"] = RsvpAnswer.Attending, ["will attend"] = RsvpAnswer.Attending,
        ["joyfully accepts"] = RsvpAnswer.Attending, ["confirmed"] = RsvpAnswer.Attending,
        ["declined"] = RsvpAnswer.Declined, ["not attending"] = RsvpAnswer.Declined, ["regrets"] = RsvpAnswer.Declined,
        ["regretfully declines"] = RsvpAnswer.Declined, ["will not attend"] = RsvpAnswer.Declined,
        ["no response"] = RsvpAnswer.Pending, ["awaiting"] = RsvpAnswer.Pending, ["awaiting response"] = RsvpAnswer.Pending,
        ["pending"] = RsvpAnswer.Pending, ["invited"] = RsvpAnswer.Pending, ["not responded"] = RsvpAnswer.Pending,
    };

    /// <summary>
    /// The mapping a file's headers suggest. Per sheet, the header is the row among the first <see cref="HeaderSearchRows"/>
    /// with the most known column names (a title row above it is skipped); an unknown column is Ignore unless its values
    /// are all RSVP answers (Zola's RSVP export names those columns after the events).
    /// </summary>
    public static ImportMapping Detect(GuestFile file)
    {
        var sheets = new List<SheetMapping>();
        foreach (var sheet in file.Sheets.Where(sheet => sheet.Rows.Count > 0))
        {
            var header = sheet.Rows.Take(HeaderSearchRows)
                .Select(row => (row, known: row.Cells.Count(cell => ColumnFor(cell, 0) is not null)))
                .OrderByDescending(candidate => candidate.known).ThenBy(candidate => candidate.row.Number)
                .First().row;
            var data = sheet.Rows.Where(row => row.Number > header.Number).ToList();
            var columns = header.Cells.Select((text, column) =>
                ColumnFor(text, column) ?? (IsRsvpColumn(data, column) && text.Length > 0
                    ? new ColumnMapping(column, text, GuestField.EventRsvp, Event: text)
                    : new ColumnMapping(column, text, GuestField.Ignore))).ToList();
            sheets.Add(new SheetMapping(sheet.Name, header.Number, columns));
        }
        return new ImportMapping(FormatOf(sheets), sheets);
    }

    /// <summary>Whether the user set this column to Ignore, or its header is one of the known columns a guest list does not keep.</summary>
    internal static bool IsKnownIgnored(string header) => Aliases.TryGetValue(Normal(header), out var field) && field == GuestField.Ignore;

    private static ColumnMapping? ColumnFor(string header, int column)
    {
        var normal = Normal(header);
        if (normal.Length == 0)
        {
            return null;
        }
        if (Aliases.TryGetValue(normal, out var field))
        {
            return field == GuestField.Ignore ? null : new ColumnMapping(column, header, field);
        }
        var child = ChildColumn().Match(normal);
        if (child.Success)
        {
            var number = int.Parse(child.Groups["number"].Value, CultureInfo.InvariantCulture);
            return new ColumnMapping(column, header, child.Groups["last"].Success ? GuestField.ChildLastName : GuestField.ChildFirstName, Child: number);
        }
        var rsvp = EventRsvpHeader().Match(header.Trim());
        return rsvp.Success ? new ColumnMapping(column, header, GuestField.EventRsvp, Event: rsvp.Groups["event"].Value.Trim()) : null;
    }

    private static bool IsRsvpColumn(List<SheetRow> data, int column)
    {
        var values = data.Select(row => row.Cell(column)).Where(value => value.Length > 0).ToList();
        return values.Count > 0 && values.All(RsvpWords.ContainsKey);
    }

    private static ImportFormat FormatOf(List<SheetMapping> sheets)
    {
        var columns = sheets.SelectMany(sheet => sheet.Columns).ToList();
        bool Has(GuestField field) => columns.Any(column => column.Field == field);
        bool Header(string normal) => columns.Any(column => Normal(column.Header) == normal);
        if (Has(GuestField.PartnerFirstName) || Has(GuestField.ChildFirstName) || Header("total definitely invited"))
        {
            return ImportFormat.ZolaGuestList;
        }
        var named = Has(GuestField.FirstName) && Has(GuestField.LastName);
        if (named && (Header("party") || columns.Any(column => column.Field == GuestField.EventRsvp && EventRsvpHeader().IsMatch(column.Header))))
        {
            return ImportFormat.Knot;
        }
        return named && Has(GuestField.EventRsvp) ? ImportFormat.ZolaRsvp : ImportFormat.Spreadsheet;
    }

    /// <summary>
    /// A header or a cell value folded for comparison: lower case, nukta dropped (फ़ोन is फोन), punctuation as spaces
    /// ("Phone No." is "phone no", "Bride/Groom side" is "bride groom side", "Non-Veg" is "non veg").
    /// </summary>
    internal static string Normal(string header)
    {
        var folded = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (c == '\u093C')
            {
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var keep = char.IsLetterOrDigit(c) || category is UnicodeCategory.SpacingCombiningMark
                || (category == UnicodeCategory.NonSpacingMark && c is >= '\u0900' and <= '\u097F');
            folded.Append(keep ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', folded.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, GuestField> BuildAliases(Dictionary<GuestField, string[]> table) => table
        .SelectMany(entry => entry.Value.Select(alias => (alias: Normal(alias), entry.Key)))
        .ToDictionary(pair => pair.alias, pair => pair.Key);

    [GeneratedRegex(@"^(?:child|kid) (?<number>\d{1,2})(?: (?:(?<first>first)|(?<last>last|sur)) ?name| name)?$")]
    private static partial Regex ChildColumn();

    /// <summary>"Sangeet - RSVP", "Wedding Day RSVP", "RSVP: Mehendi", "Haldi (RSVP)".</summary>
    [GeneratedRegex(@"^(?:(?<event>.+?)\s*[-–:(]?\s*RSVP\)?|RSVP\s*[-–:(]?\s*(?<event>.+?)\)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex EventRsvpHeader();
}
