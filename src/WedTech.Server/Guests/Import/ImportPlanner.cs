using System.Globalization;
using System.Text.RegularExpressions;
using PhoneRules = WedTech.Server.Messaging.PhoneNumbers;

namespace WedTech.Server.Guests.Import;

/// <summary>
/// Turns a read file and its (possibly edited) mapping into an <see cref="ImportPlan"/>: rows read into people with
/// their values checked, grouped into households (a household column, partner and child columns, a shared phone, the
/// same existing household), invitations from the RSVP columns, and each household matched against the existing list.
/// Pure: nothing is written; the same inputs give the same plan.
/// </summary>
public static partial class ImportPlanner
{
    /// <summary>
    /// The plan. A mapping that does not fit the file (a sheet it does not have, a child column without its number, an
    /// RSVP column without its event) is refused with field errors on "mapping".
    /// </summary>
    public static ImportPlan Plan(GuestFile file, ImportMapping mapping, IReadOnlyList<ExistingHousehold> existing, string region = PhoneRules.DefaultRegion)
    {
        Validate(file, mapping);
        var issues = new List<ImportIssue>();
        var rows = new List<PlannedRow>();
        var read = 0;
        var leftOut = 0;
        var index = new ExistingIndex(existing);
        foreach (var sheetMapping in mapping.Sheets)
        {
            var sheet = file.Sheets.First(candidate => candidate.Name == sheetMapping.Sheet);
            var data = sheet.Rows.Where(row => row.Number > sheetMapping.HeaderRow).ToList();
            foreach (var column in sheetMapping.Columns.Where(column => column.Field == GuestField.Ignore && column.Header.Length > 0 && !MappingDetection.IsKnownIgnored(column.Header)))
            {
                issues.Add(new ImportIssue(sheet.Name, sheetMapping.HeaderRow, column.Header, IssueSeverity.Warning,
                    $"{Where(sheet.Name, sheetMapping.HeaderRow)}: the column '{column.Header}' is not imported. Choose what it holds in the mapping to import it."));
            }
            if (data.Count == 0)
            {
                continue;
            }
            read += data.Count;
            if (!sheetMapping.Columns.Any(column => column.Field is GuestField.FullName or GuestField.FirstName or GuestField.LastName))
            {
                leftOut += data.Count;
                issues.Add(new ImportIssue(sheet.Name, 0, null, IssueSeverity.Error,
                    $"{(sheet.Name.Length > 0 ? $"Sheet '{sheet.Name}'" : "The file")} has no column of guests' names, so its {data.Count} rows are left out. Choose the name column in the mapping."));
                continue;
            }
            var reader = new RowReader(sheet.Name, sheetMapping, region, issues);
            foreach (var row in data)
            {
                if (reader.Read(row) is { } planned)
                {
                    rows.Add(planned);
                }
                else
                {
                    leftOut++;
                }
            }
        }
        var households = Households(rows, index, issues);
        return new ImportPlan(mapping.Format, households, issues, read, leftOut);
    }

    /// <summary>"Row 14" for a CSV, "Sharma side, row 14" for a workbook's tab.</summary>
    private static string Where(string sheet, int row) => sheet.Length == 0 ? $"Row {row}" : $"{sheet}, row {row}";

    private static void Validate(GuestFile file, ImportMapping mapping)
    {
        var errors = new FieldErrors();
        // The mapping comes back from the app as JSON, where any list or name may be missing.
        if (mapping.Sheets is null || mapping.Sheets.Any(sheet => sheet?.Columns is null || sheet.Sheet is null || sheet.Columns.Any(column => column?.Header is null)))
        {
            throw new ValidationFailedException("mapping", "Give every sheet's name and columns, and every column's header, as the detected mapping has them.");
        }
        for (var s = 0; s < mapping.Sheets.Count; s++)
        {
            var sheet = mapping.Sheets[s];
            if (!file.Sheets.Any(candidate => candidate.Name == sheet.Sheet))
            {
                errors.Add($"mapping.sheets[{s}].sheet", $"The file has no sheet named '{sheet.Sheet}'.");
            }
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                var column = sheet.Columns[c];
                var field = $"mapping.sheets[{s}].columns[{c}]";
                if (column.Column < 0)
                {
                    errors.Add(field, "A column's index cannot be negative.");
                }
                else if (column.Field is GuestField.ChildFirstName or GuestField.ChildLastName && column.Child < 1)
                {
                    errors.Add(field, $"Say which child the column '{column.Header}' is for (1, 2, 3 …).");
                }
                else if (column.Field == GuestField.EventRsvp && string.IsNullOrWhiteSpace(column.Event))
                {
                    errors.Add(field, $"Say which event the answers in '{column.Header}' are for.");
                }
            }
        }
        if (mapping.Sheets.Select(sheet => sheet.Sheet).Distinct().Count() != mapping.Sheets.Count)
        {
            errors.Add("mapping.sheets", "Each sheet can be mapped once only.");
        }
        errors.ThrowIfAny();
    }

    /// <summary>A row read into its people and household values, before households are formed.</summary>
    private sealed class PlannedRow
    {
        public required SourceRow Source { get; init; }
        public string? HouseholdName { get; set; }
        public GuestSide? Side { get; set; }
        public string? Group { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? City { get; set; }
        public string? State { get; set; }
        public string? Country { get; set; }
        public List<string> Tags { get; } = [];
        public string? Notes { get; set; }
        public List<PlannedGuest> People { get; } = [];
        public List<(string Event, RsvpAnswer Answer)> Answers { get; } = [];
    }

    /// <summary>Reads one sheet's rows with its mapping; every value that cannot be used becomes an issue of the row.</summary>
    private sealed class RowReader(string sheet, SheetMapping mapping, string region, List<ImportIssue> issues)
    {
        private readonly string? _sheetTag = sheet.Length > 0 && !DefaultSheetName().IsMatch(sheet) ? sheet.Trim() : null;

        public PlannedRow? Read(SheetRow row)
        {
            var where = Where(sheet, row.Number);
            var issuesBefore = issues.Count;
            foreach (var column in row.FormulaColumns)
            {
                if (mapping.Columns.FirstOrDefault(mapped => mapped.Column == column) is { Field: not GuestField.Ignore } formula)
                {
                    Warn(row, formula.Header, $"{where}: '{formula.Header}' is a formula; its last calculated value '{row.Cell(column)}' is imported.");
                }
            }
            var planned = new PlannedRow { Source = new SourceRow(sheet, row.Number) };
            var name = Value(row, GuestField.FullName);
            var lastName = Value(row, GuestField.LastName);
            if (name.Length == 0)
            {
                name = $"{Value(row, GuestField.FirstName)} {lastName}".Trim();
            }
            var honorific = NullIfEmpty(Value(row, GuestField.Honorific));
            var extraPlaces = 0;
            var plusOne = PlusOne().Match(name);
            if (plusOne.Success)
            {
                name = name[..plusOne.Index].Trim();
                extraPlaces = 1;
            }
            var family = AndFamily().Match(name);
            var familyOnly = FamilyOnly().Match(name);
            if (family.Success)
            {
                planned.HouseholdName = name;
                name = family.Groups["name"].Value.Trim();
            }
            else if (familyOnly.Success)
            {
                // "Gupta family" names a household, not a guest: its places are unnamed.
                planned.HouseholdName = name;
                name = "Guest";
            }
            var householdColumn = NullIfEmpty(Value(row, GuestField.Household));
            planned.HouseholdName = householdColumn ?? planned.HouseholdName;

            planned.Phone = Phone(row, where);
            planned.Email = Email(row, where);
            var age = Age(row, where);
            var diet = DietOf(row, where);
            var allergies = NullIfEmpty(Value(row, GuestField.Allergies));
            var latin = NullIfEmpty(Value(row, GuestField.LatinName));
            if (IsPlaceholder(name))
            {
                planned.People.Add(new PlannedGuest("", null, null, age, diet, allergies, null, null, Unnamed: true));
            }
            else if (name.Length > 0)
            {
                var couple = Couple(name, honorific);
                if (couple.Count > 1)
                {
                    // "Mr & Mrs Verma" written in one cell is how the family addresses them.
                    planned.HouseholdName ??= name;
                }
                for (var i = 0; i < couple.Count; i++)
                {
                    var (personName, personHonorific) = couple[i];
                    planned.People.Add(i == 0
                        ? new PlannedGuest(personName, latin, personHonorific, age, diet, allergies, planned.Phone, planned.Email)
                        : new PlannedGuest(personName, null, personHonorific, AgeGroup.Adult, null, null, null, null));
                }
            }
            var partner = $"{Value(row, GuestField.PartnerFirstName)} {Value(row, GuestField.PartnerLastName)}".Trim();
            if (Value(row, GuestField.PartnerFirstName).Length > 0 && Value(row, GuestField.PartnerLastName).Length == 0 && lastName.Length > 0)
            {
                partner = $"{partner} {lastName}";
            }
            if (partner.Length > 0)
            {
                planned.People.Add(Person(partner, NullIfEmpty(Value(row, GuestField.PartnerHonorific)), AgeGroup.Adult));
            }
            foreach (var child in mapping.Columns.Where(column => column.Field is GuestField.ChildFirstName or GuestField.ChildLastName).Select(column => column.Child).Distinct().Order())
            {
                var first = ChildValue(row, GuestField.ChildFirstName, child);
                if (first.Length == 0)
                {
                    continue;
                }
                var last = ChildValue(row, GuestField.ChildLastName, child);
                planned.People.Add(Person($"{first} {(last.Length > 0 ? last : lastName)}".Trim(), null, AgeGroup.Child));
            }
            if (planned.People.Count == 0)
            {
                // A row left out gets its error only, not warnings about values that are not imported anyway.
                issues.RemoveRange(issuesBefore, issues.Count - issuesBefore);
                issues.Add(new ImportIssue(sheet, row.Number, null, IssueSeverity.Error,
                    $"{where}: the row has no guest's name, so it is left out. Add the name and import the file again."));
                return null;
            }

            var places = Places(row, where);
            var missing = Math.Max(extraPlaces, (places ?? 0) - planned.People.Count);
            var host = planned.People.FirstOrDefault(person => !person.Unnamed)?.Name;
            for (var i = 0; i < missing; i++)
            {
                planned.People.Add(host is null
                    ? new PlannedGuest("", null, null, AgeGroup.Adult, null, null, null, null, Unnamed: true)
                    : new PlannedGuest($"Guest of {FirstWord(host)}", null, null, AgeGroup.Adult, null, null, null, null, Unnamed: true, Host: FirstWord(host)));
            }

            planned.Side = SideOf(row, where);
            planned.Group = NullIfEmpty(Value(row, GuestField.Group));
            planned.City = NullIfEmpty(Value(row, GuestField.City));
            planned.State = NullIfEmpty(Value(row, GuestField.State));
            planned.Country = NullIfEmpty(Value(row, GuestField.Country));
            planned.Notes = NullIfEmpty(string.Join("; ", Values(row, GuestField.Notes)));
            if (_sheetTag is not null)
            {
                planned.Tags.Add(_sheetTag);
            }
            planned.Tags.AddRange(Values(row, GuestField.Tags).SelectMany(tags => tags.Split([',', ';', '|', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            foreach (var column in mapping.Columns.Where(column => column.Field == GuestField.EventRsvp))
            {
                var value = row.Cell(column.Column);
                if (value.Length == 0 || NotInvited().IsMatch(value))
                {
                    continue;
                }
                if (!Answer(value, out var answer))
                {
                    Warn(row, column.Header, $"{where}: '{value}' is not an answer for {column.Event} (attending, declined or no response); it is imported as not answered yet.");
                }
                planned.Answers.Add((column.Event!.Trim(), answer));
            }
            return planned;
        }

        private static PlannedGuest Person(string name, string? honorific, AgeGroup age)
        {
            var (personName, personHonorific) = Couple(name, honorific)[0];
            return new PlannedGuest(personName, null, personHonorific, age, null, null, null, null);
        }

        private string Value(SheetRow row, GuestField field) => Values(row, field).FirstOrDefault() ?? "";

        private IEnumerable<string> Values(SheetRow row, GuestField field) => mapping.Columns
            .Where(column => column.Field == field).Select(column => row.Cell(column.Column)).Where(value => value.Length > 0);

        private string ChildValue(SheetRow row, GuestField field, int child) => mapping.Columns
            .Where(column => column.Field == field && column.Child == child).Select(column => row.Cell(column.Column))
            .FirstOrDefault(value => value.Length > 0) ?? "";

        private string HeaderOf(GuestField field, SheetRow row) => mapping.Columns
            .First(column => column.Field == field && row.Cell(column.Column).Length > 0).Header;

        private void Warn(SheetRow row, string? column, string message) =>
            issues.Add(new ImportIssue(sheet, row.Number, column, IssueSeverity.Warning, message));

        private string? Phone(SheetRow row, string where)
        {
            var written = Value(row, GuestField.Phone);
            // A number without its country code is read as the row's country's, else as the wedding's region's.
            var rowRegion = GuestPhones.RegionOf(Value(row, GuestField.Country)) ?? region;
            var phone = GuestPhones.ToE164(written, rowRegion, out var problem);
            if (problem is not null)
            {
                Warn(row, HeaderOf(GuestField.Phone, row), $"{where}: {problem}");
            }
            return phone;
        }

        private string? Email(SheetRow row, string where)
        {
            var written = Value(row, GuestField.Email);
            if (written.Length == 0)
            {
                return null;
            }
            if (EmailAddress().IsMatch(written))
            {
                return written.ToLowerInvariant();
            }
            Warn(row, HeaderOf(GuestField.Email, row), $"{where}: '{written}' is not an e-mail address; the guest is imported without one.");
            return null;
        }

        /// <summary>An age in years (under 2: infant, under 13: child) or a word for an age group; adult when empty or not understood.</summary>
        private AgeGroup Age(SheetRow row, string where) =>
            int.TryParse(Value(row, GuestField.AgeGroup), NumberStyles.Integer, CultureInfo.InvariantCulture, out var years) && years is >= 0 and < 130
                ? years < 2 ? AgeGroup.Infant : years < 13 ? AgeGroup.Child : AgeGroup.Adult
                : Choice(row, GuestField.AgeGroup, Words.AgeGroups, where, "an age group (adult, child or infant); the guest is imported as an adult") ?? AgeGroup.Adult;

        private Diet? DietOf(SheetRow row, string where) =>
            Choice(row, GuestField.Diet, Words.Diets, where, "a diet (veg, Jain, eggetarian, non-veg or vegan); the guest is imported without one");

        private GuestSide? SideOf(SheetRow row, string where) =>
            Choice(row, GuestField.Side, Words.Sides, where, "a side (bride, groom or both); the household is imported without one");

        /// <summary>The field's value read through its table of words, or null: empty, or not understood (then with a warning).</summary>
        private T? Choice<T>(SheetRow row, GuestField field, Dictionary<string, T> words, string where, string expected) where T : struct
        {
            var written = Value(row, field);
            if (written.Length == 0)
            {
                return null;
            }
            if (words.TryGetValue(MappingDetection.Normal(written), out var value))
            {
                return value;
            }
            Warn(row, HeaderOf(field, row), $"{where}: '{written}' is not {expected}.");
            return null;
        }

        private int? Places(SheetRow row, string where)
        {
            var written = Value(row, GuestField.Places);
            if (written.Length == 0)
            {
                return null;
            }
            if (int.TryParse(written, NumberStyles.Integer, CultureInfo.InvariantCulture, out var places) && places is >= 1 and <= 100)
            {
                return places;
            }
            Warn(row, HeaderOf(GuestField.Places, row), $"{where}: '{written}' is not a number of places (1 to 100); only the named guests are imported.");
            return null;
        }
    }

    /// <summary>"Rahul & Priya Sharma" and "Mr & Mrs Verma" are two people: each part gets the last part's surname when it has none.</summary>
    private static List<(string Name, string? Honorific)> Couple(string name, string? honorific)
    {
        var parts = CoupleSeparator().Split(name).Select(part => part.Trim()).Where(part => part.Length > 0).ToList();
        if (parts.Count < 2)
        {
            return [WithoutHonorific(name, honorific)];
        }
        var (lastName, lastTitle) = WithoutHonorific(parts[^1], null);
        // "Mrs Verma": after a title a single word is the surname; "Rahul & Priya": a first name.
        var surname = lastTitle is not null && !lastName.Contains(' ', StringComparison.Ordinal) ? lastName : LastWord(lastName);
        return [.. parts.Select((part, i) =>
        {
            var (person, title) = WithoutHonorific(part, i == 0 ? honorific : null);
            if (i < parts.Count - 1 && !person.Contains(' ', StringComparison.Ordinal) && surname.Length > 0)
            {
                person = person.Length == 0 ? surname : $"{person} {surname}";
            }
            return (person, title);
        })];
    }

    private static (string Name, string? Honorific) WithoutHonorific(string name, string? honorific)
    {
        var leading = GuestNames.LeadingHonorific(name);
        return leading is null ? (name.Trim(), honorific) : (name.Trim()[leading.Length..].Trim(), honorific ?? leading);
    }

    private static bool IsPlaceholder(string name) => Placeholder().IsMatch(name);

    private static string FirstWord(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    private static string LastWord(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } words ? words[^1] : "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static bool Answer(string value, out RsvpAnswer answer)
    {
        if (MappingDetection.RsvpWords.TryGetValue(value.Trim(), out answer))
        {
            return true;
        }
        if (Words.Answers.TryGetValue(MappingDetection.Normal(value), out answer))
        {
            return true;
        }
        answer = RsvpAnswer.Pending;
        return false;
    }

    /// <summary>
    /// Rows joined by a household name (within a sheet), by the existing household their names are in, and by phone:
    /// a row without a household name joins the first named household with its phone, else the first row with it.
    /// Two differently named households that share a phone (an elder's number given for each son's family) stay two.
    /// </summary>
    private static List<PlannedHousehold> Households(List<PlannedRow> rows, ExistingIndex existing, List<ImportIssue> issues)
    {
        var parent = Enumerable.Range(0, rows.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Join(int i, int other) => parent[Find(i)] = Find(other);
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var namedWithPhone = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var keys = row.People.Where(person => !person.Unnamed)
                .Select(person => existing.OnlyHouseholdWith(GuestNames.Key(person.Name)))
                .OfType<Guid>().Select(id => $"existing|{id}").ToList();
            if (row.HouseholdName is not null)
            {
                keys.Add($"household|{row.Source.Sheet}|{MappingDetection.Normal(row.HouseholdName)}");
                if (row.Phone is not null)
                {
                    namedWithPhone.TryAdd(row.Phone, i);
                }
            }
            foreach (var key in keys)
            {
                if (!firstWithKey.TryAdd(key, i))
                {
                    Join(i, firstWithKey[key]);
                }
            }
        }
        var unnamedWithPhone = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is { HouseholdName: null, Phone: { } phone })
            {
                Join(i, namedWithPhone.TryGetValue(phone, out var named) ? named : unnamedWithPhone.GetValueOrDefault(phone, i));
                unnamedWithPhone.TryAdd(phone, i);
            }
        }
        return [.. Enumerable.Range(0, rows.Count).GroupBy(Find).OrderBy(group => group.Min())
            .Select(group => Household([.. group.Select(i => rows[i])], existing, issues))];
    }

    private static PlannedHousehold Household(List<PlannedRow> rows, ExistingIndex existing, List<ImportIssue> issues)
    {
        var members = new List<PlannedGuest>();
        var answersByMember = new List<List<(string Event, RsvpAnswer Answer)>>();
        var seen = new Dictionary<string, SourceRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var person in row.People)
            {
                // "Mr Verma" and "Mrs Verma" are two people; the same name twice with the same title is one.
                var key = person.Unnamed ? "" : $"{GuestNames.Key(person.Name)}|{person.Honorific?.TrimEnd('.').ToUpperInvariant()}";
                if (!person.Unnamed && seen.TryGetValue(key, out var first))
                {
                    issues.Add(new ImportIssue(row.Source.Sheet, row.Source.Row, null, IssueSeverity.Warning,
                        $"{Where(row.Source.Sheet, row.Source.Row)}: {person.Name} is already in this household ({(first.Sheet == row.Source.Sheet ? $"row {first.Row}" : Where(first.Sheet, first.Row))}); imported once."));
                    continue;
                }
                if (!person.Unnamed)
                {
                    seen[key] = row.Source;
                }
                members.Add(person);
                answersByMember.Add(row.Answers);
            }
        }
        var named = members.Where(member => !member.Unnamed).ToList();
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Unnamed && members[i].Name.Length == 0)
            {
                var host = named.Count > 0 ? FirstWord(named[0].Name) : null;
                members[i] = members[i] with { Name = host is null ? "Guest" : $"Guest of {host}", Host = host };
            }
        }
        var invitations = answersByMember.SelectMany(answers => answers.Select(answer => answer.Event)).Distinct(StringComparer.Ordinal)
            .Select(eventName =>
            {
                var answers = answersByMember
                    .Select((memberAnswers, member) => (member, found: memberAnswers.Where(answer => answer.Event == eventName).Select(answer => (RsvpAnswer?)answer.Answer).FirstOrDefault()))
                    .Where(pair => pair.found is not null).Select(pair => new PlannedAnswer(pair.member, pair.found!.Value)).ToList();
                return new PlannedInvitation(eventName, answers.Count, answers);
            }).ToList();
        var phone = rows.Select(row => row.Phone).FirstOrDefault(phone => phone is not null);
        var household = new PlannedHousehold(
            DisplayName: rows.Select(row => row.HouseholdName).FirstOrDefault(name => name is not null) ?? DisplayName(named, members),
            Side: rows.Select(row => row.Side).FirstOrDefault(side => side is not null),
            Group: rows.Select(row => row.Group).FirstOrDefault(group => group is not null),
            Phone: phone,
            Email: rows.Select(row => row.Email).FirstOrDefault(email => email is not null),
            City: rows.Select(row => row.City).FirstOrDefault(city => city is not null),
            State: rows.Select(row => row.State).FirstOrDefault(state => state is not null),
            Country: rows.Select(row => row.Country).FirstOrDefault(country => country is not null),
            Tags: [.. rows.SelectMany(row => row.Tags).Distinct(StringComparer.OrdinalIgnoreCase)],
            Notes: rows.Select(row => row.Notes).OfType<string>().Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } notes ? string.Join("; ", notes) : null,
            Members: members,
            Invitations: invitations,
            Rows: [.. rows.Select(row => row.Source)],
            Match: HouseholdMatch.New);
        return household with { Match = existing.Match(household) };
    }

    /// <summary>"Neha Gupta"; "Rahul & Priya Sharma"; "David Miller & Sarah Jones"; "Miller family" for three or more.</summary>
    private static string DisplayName(List<PlannedGuest> named, List<PlannedGuest> members)
    {
        if (named.Count == 0)
        {
            return members[0].Name;
        }
        if (named.Count == 1)
        {
            return named[0].Name;
        }
        var first = named[0].Name;
        var surname = LastWord(first);
        if (named.Count == 2)
        {
            var second = named[1].Name;
            return surname.Length > 0 && LastWord(second) == surname
                ? $"{first[..^surname.Length].Trim()} & {second}"
                : $"{first} & {second}";
        }
        return surname.Length > 0 ? $"{surname} family" : $"{first} & family";
    }

    /// <summary>The existing list indexed by phone, member name key and household name key.</summary>
    private sealed class ExistingIndex
    {
        private readonly Dictionary<string, List<ExistingHousehold>> _byPhone = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ExistingHousehold>> _byMember = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ExistingHousehold>> _byDisplayName = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, HashSet<string>> _keys = [];

        public ExistingIndex(IReadOnlyList<ExistingHousehold> households)
        {
            foreach (var household in households)
            {
                _keys[household.Id] = household.MemberNameKeys.Where(key => key.Length > 0).ToHashSet(StringComparer.Ordinal);
                foreach (var phone in household.Phones.Distinct())
                {
                    Add(_byPhone, phone, household);
                }
                foreach (var key in _keys[household.Id])
                {
                    Add(_byMember, key, household);
                }
                if (GuestNames.Key(household.DisplayName) is { Length: > 0 } displayKey)
                {
                    Add(_byDisplayName, displayKey, household);
                }
            }
        }

        /// <summary>The existing household this name key is in, when exactly one has it.</summary>
        public Guid? OnlyHouseholdWith(string key) =>
            key.Length > 0 && _byMember.TryGetValue(key, out var households) && households.Count == 1 ? households[0].Id : null;

        /// <summary>
        /// Same: a shared phone and a shared name, or every named member already in one household (whose phones, if both
        /// sides have any, include one of these). Similar: a shared phone, the same household name or some of the names,
        /// with the names only alike or different.
        /// </summary>
        public HouseholdMatch Match(PlannedHousehold household)
        {
            var keys = household.Members.Where(member => !member.Unnamed).Select(member => GuestNames.Key(member.Name))
                .Where(key => key.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var phones = household.Members.Select(member => member.Phone).Append(household.Phone).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var displayKey = GuestNames.Key(household.DisplayName);
            var candidates = phones.SelectMany(phone => _byPhone.GetValueOrDefault(phone, []))
                .Concat(keys.SelectMany(key => _byMember.GetValueOrDefault(key, [])))
                .Concat(displayKey.Length > 0 ? _byDisplayName.GetValueOrDefault(displayKey, []) : [])
                .DistinctBy(candidate => candidate.Id).ToList();
            HouseholdMatch? similar = null;
            foreach (var candidate in candidates)
            {
                var candidateKeys = _keys[candidate.Id];
                var shared = keys.Count(candidateKeys.Contains);
                var phoneShared = candidate.Phones.Any(phones.Contains);
                var phonesDiffer = !phoneShared && phones.Count > 0 && candidate.Phones.Count > 0;
                if ((phoneShared && shared > 0) || (keys.Count > 0 && shared == keys.Count && !phonesDiffer))
                {
                    return new HouseholdMatch(MatchKind.Same, candidate.Id, candidate.DisplayName);
                }
                similar ??= new HouseholdMatch(MatchKind.Similar, candidate.Id, candidate.DisplayName);
            }
            return similar ?? HouseholdMatch.New;
        }

        private static void Add(Dictionary<string, List<ExistingHousehold>> index, string key, ExistingHousehold household)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }
            list.Add(household);
        }
    }

    /// <summary>Cell values planners write for sides, diets, age groups and answers, in English, Hinglish and Hindi.</summary>
    private static class Words
    {
        public static readonly Dictionary<string, GuestSide> Sides = Table<GuestSide>(new()
        {
            [GuestSide.Bride] = ["bride", "b", "bride s", "brides", "bride side", "bride s side", "brides side", "girl", "girl s side",
                "girls side", "girl side", "ladki", "ladkiwale", "ladki wale", "ladki side", "vadhu", "dulhan", "वधू", "वधु", "दुल्हन",
                "कन्या", "कन्या पक्ष", "वधू पक्ष", "लड़की", "लड़की वाले"],
            [GuestSide.Groom] = ["groom", "g", "groom s", "grooms", "groom side", "groom s side", "grooms side", "boy", "boy s side",
                "boys side", "boy side", "ladka", "ladkewale", "ladke wale", "ladka side", "var", "var paksh", "dulha", "dulhe", "वर",
                "दूल्हा", "वर पक्ष", "लड़का", "लड़के वाले"],
            [GuestSide.Both] = ["both", "both sides", "common", "mutual", "couple", "दोनों", "दोनो"],
        });

        public static readonly Dictionary<string, Diet> Diets = Table<Diet>(new()
        {
            [Diet.Veg] = ["veg", "vegetarian", "v", "pure veg", "shakahari", "शाकाहारी", "शाकाहार"],
            [Diet.Jain] = ["jain", "jain food", "जैन", "जैन भोजन"],
            [Diet.Eggetarian] = ["egg", "eggetarian", "eggitarian", "ovo vegetarian", "veg egg", "veg with egg", "अंडा"],
            [Diet.NonVeg] = ["non veg", "nonveg", "non vegetarian", "nonvegetarian", "nv", "meat", "मांसाहारी", "नॉन वेज", "मांसाहार"],
            [Diet.Vegan] = ["vegan", "वीगन"],
        });

        public static readonly Dictionary<string, AgeGroup> AgeGroups = Table<AgeGroup>(new()
        {
            [AgeGroup.Adult] = ["adult", "adults", "a", "grown up", "वयस्क", "बड़े", "बड़ा"],
            [AgeGroup.Child] = ["child", "children", "kid", "kids", "c", "minor", "बच्चा", "बच्चे", "बालक", "बालिका"],
            [AgeGroup.Infant] = ["infant", "baby", "toddler", "i", "शिशु"],
        });

        public static readonly Dictionary<string, RsvpAnswer> Answers = Table<RsvpAnswer>(new()
        {
            [RsvpAnswer.Attending] = ["yes", "y", "coming", "attending", "haan", "ha", "हाँ", "हां", "आएंगे"],
            [RsvpAnswer.Declined] = ["no", "n", "not coming", "nahi", "नहीं", "नही"],
            [RsvpAnswer.Pending] = ["maybe", "pending", "tbc", "tbd", "शायद"],
        });

        private static Dictionary<string, T> Table<T>(Dictionary<T, string[]> table) where T : struct => table
            .SelectMany(entry => entry.Value.Select(word => (word: MappingDetection.Normal(word), entry.Key)))
            .ToDictionary(pair => pair.word, pair => pair.Key, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^sheet\s*\d*$", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultSheetName();

    [GeneratedRegex(@"\s*(?:\+\s*1|\+\s*one|plus\s*one|(?:&|and)\s*guest)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlusOne();

    [GeneratedRegex(@"^(?<name>.+?)\s*(?:&|and|aur|और)\s*(?:family|parivar|परिवार)$", RegexOptions.IgnoreCase)]
    private static partial Regex AndFamily();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:family|parivar|परिवार)$", RegexOptions.IgnoreCase)]
    private static partial Regex FamilyOnly();

    [GeneratedRegex(@"\s+(?:&|and|aur|और)\s+|\s*&\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CoupleSeparator();

    [GeneratedRegex(@"^(?:guest|\+\s*1|plus\s*one|guest\s*\d*|unnamed guest|tbd|tba)$", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?:not invited|n/?a|-+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotInvited();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailAddress();

}
