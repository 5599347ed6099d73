using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Guests;
using WedTech.Server.Guests.Import;
using WedTech.Server.Platform.Api;

namespace WedTech.Tests;

/// <summary>
/// The guest import engine without a server: the files in tests/data/guests read, mapped and planned with exact
/// expectations; every way people write an Indian number; names matched across scripts, titles and nicknames; and
/// every file that must be refused.
/// </summary>
public sealed class GuestImportTests
{
    private static readonly string Data = Path.Combine(PublishTests.RepositoryRoot(), "tests", "data", "guests");

    private static GuestFile Load(string name)
    {
        using var stream = File.OpenRead(Path.Combine(Data, name));
        return GuestFile.Read(stream, name);
    }

    private static GuestFile FromBytes(byte[] bytes, string name = "guests.csv") => GuestFile.Read(new MemoryStream(bytes), name);

    private static GuestFile FromText(string csv) => FromBytes(Encoding.UTF8.GetBytes(csv));

    private static ImportPlan Plan(GuestFile file, IReadOnlyList<ExistingHousehold>? existing = null) =>
        ImportPlanner.Plan(file, MappingDetection.Detect(file), existing ?? []);

    /// <summary>The list a committed plan would leave behind, as the planner is given it the next time.</summary>
    private static List<ExistingHousehold> AsExisting(ImportPlan plan) => [.. plan.Households.Select(household => new ExistingHousehold(
        Guid.NewGuid(), household.DisplayName,
        [.. household.Members.Select(member => member.Phone).Append(household.Phone).OfType<string>().Distinct()],
        [.. household.Members.Where(member => !member.Unnamed).Select(member => GuestNames.Key(member.Name))]))];

    private static PlannedHousehold Named(ImportPlan plan, string displayName) => plan.Households.Single(household => household.DisplayName == displayName);

    private static string[] Names(PlannedHousehold household) => [.. household.Members.Select(member => member.Name)];

    private static string ProblemOf(Action read) => Should.Throw<ValidationFailedException>(read).Errors[GuestFile.Field].Single();

    [Fact]
    public void The_family_workbook_reads_every_visible_tab_with_Excels_row_numbers_and_its_formula()
    {
        var file = Load("family-workbook.xlsx");

        file.Sheets.Select(sheet => sheet.Name).ShouldBe(["Sharma side", "Mehta side", "Friends"]);   // not the hidden "Lists"
        var sharma = file.Sheets[0];
        // The title (row 1) and the blank rows 2 and 8 as Excel numbers them: blank rows are not rows.
        sharma.Rows.Select(row => row.Number).ShouldBe([1, 3, 4, 5, 6, 7, 9, 10, 11]);
        sharma.Rows[2].Cells.Take(2).ShouldBe(["Rahul Sharma", "9876543210"]);   // a number cell, without ".0"
        sharma.Rows.Single(row => row.Number == 9).FormulaColumns.ShouldBe([6]);  // Pax =1+2, cached 3
        sharma.Rows.Single(row => row.Number == 9).Cell(6).ShouldBe("3");
        file.Sheets[1].Rows[3].Cell(1).ShouldBe("9829022222");                    // stored as 9.829022222E+09
        file.Sheets[1].Rows[4].Cell(1).ShouldBe("9829033333.0");                  // text a program pasted
    }

    [Fact]
    public void The_family_workbook_mapping_skips_the_title_row_and_reads_Hindi_headers()
    {
        var mapping = MappingDetection.Detect(Load("family-workbook.xlsx"));

        mapping.Format.ShouldBe(ImportFormat.Spreadsheet);
        mapping.Sheets.Select(sheet => (sheet.Sheet, sheet.HeaderRow)).ShouldBe([("Sharma side", 3), ("Mehta side", 1), ("Friends", 1)]);
        mapping.Sheets[0].Columns.Select(column => column.Field).ShouldBe([GuestField.FullName, GuestField.Phone, GuestField.City,
            GuestField.Side, GuestField.Household, GuestField.Diet, GuestField.Places, GuestField.Notes]);
        // नाम, फ़ोन (with its nukta), शहर, पक्ष, परिवार, भोजन
        mapping.Sheets[1].Columns.Select(column => column.Field).ShouldBe([GuestField.FullName, GuestField.Phone, GuestField.City,
            GuestField.Side, GuestField.Household, GuestField.Diet]);
        mapping.Sheets[2].Columns.Select(column => column.Field).ShouldBe([GuestField.FullName, GuestField.Phone, GuestField.Email,
            GuestField.City, GuestField.Country, GuestField.Tags, GuestField.AgeGroup, GuestField.Places, GuestField.Ignore]);
    }

    [Fact]
    public void The_family_workbook_plans_households_from_family_and_phone_columns_with_tags_from_tab_names()
    {
        var plan = Plan(Load("family-workbook.xlsx"));

        plan.Households.Select(household => household.DisplayName).ShouldBe(["Sharma family", "राहुल वर्मा", "Kamla Devi", "Mausi ji",
            "Sunil Kumar", "मेहता परिवार", "प्रिया मेहता", "Rakesh Mehta", "Chris Evans", "Ayesha Khan", "Oliver Smith", "Neha & Kabir Gupta"]);
        (plan.RowsRead, plan.RowsLeftOut).ShouldBe((16, 1));
        plan.Households.ShouldAllBe(household => household.Match.Kind == MatchKind.New);

        var sharma = Named(plan, "Sharma family");
        Names(sharma).ShouldBe(["Rahul Sharma", "Priya Sharma"]);
        (sharma.Phone, sharma.Side, sharma.City).ShouldBe(("+919876543210", GuestSide.Bride, "Jaipur"));
        sharma.Members.Select(member => member.Diet).ShouldBe([Diet.Veg, Diet.Jain]);
        sharma.Tags.ShouldBe(["Sharma side"]);
        sharma.Rows.ShouldBe([new SourceRow("Sharma side", 4), new SourceRow("Sharma side", 5)]);

        Named(plan, "राहुल वर्मा").Phone.ShouldBe("+919811122233");
        var kamla = Named(plan, "Kamla Devi");
        (kamla.Phone, kamla.Members[0].Honorific, kamla.Members[0].Diet).ShouldBe(("+919876543211", "Smt.", Diet.NonVeg));
        var mausi = Named(plan, "Mausi ji");
        mausi.Phone.ShouldBe("+919812345678");
        mausi.Members.Select(member => (member.Name, member.Unnamed)).ShouldBe([("Mausi ji", false), ("Guest of Mausi", true), ("Guest of Mausi", true)]);
        Named(plan, "Sunil Kumar").Phone.ShouldBeNull();

        var mehta = Named(plan, "मेहता परिवार");
        Names(mehta).ShouldBe(["अमित मेहता", "सुनीता मेहता"]);
        (mehta.Phone, mehta.Side, mehta.City).ShouldBe(("+919829011111", GuestSide.Groom, "मुंबई"));
        mehta.Members.Select(member => member.Diet).ShouldBe([Diet.Veg, Diet.Jain]);
        mehta.Tags.ShouldBe(["Mehta side"]);
        Named(plan, "प्रिया मेहता").Phone.ShouldBe("+919829022222");
        var rakesh = Named(plan, "Rakesh Mehta");
        (rakesh.Phone, rakesh.Members[0].Honorific).ShouldBe(("+919829033333", "Dr."));

        (Named(plan, "Chris Evans").Phone, Named(plan, "Ayesha Khan").Phone, Named(plan, "Oliver Smith").Phone)
            .ShouldBe(("+14155552671", "+971501234567", "+447911123456"));
        Named(plan, "Chris Evans").Tags.ShouldBe(["Friends", "college", "NRI"]);
        var gupta = Named(plan, "Neha & Kabir Gupta");
        gupta.Members.Select(member => (member.Name, member.AgeGroup, member.Unnamed))
            .ShouldBe([("Neha Gupta", AgeGroup.Adult, false), ("Guest of Neha", AgeGroup.Adult, true), ("Kabir Gupta", AgeGroup.Child, false)]);
        (gupta.Phone, gupta.Email).ShouldBe(("+919876500001", null));
        gupta.Tags.ShouldBe(["Friends", "college", "outstation"]);
    }

    [Fact]
    public void The_family_workbook_issues_name_the_sheet_the_row_and_what_happens()
    {
        var plan = Plan(Load("family-workbook.xlsx"));

        plan.Issues.Select(issue => (issue.Sheet, issue.Row, issue.Column, issue.Severity)).ShouldBe([
            ("Sharma side", 9, "Pax", IssueSeverity.Warning),
            ("Sharma side", 10, "Phone", IssueSeverity.Warning),
            ("Sharma side", 11, null, IssueSeverity.Error),
            ("Friends", 1, "T-shirt size", IssueSeverity.Warning),
            ("Friends", 5, "Email", IssueSeverity.Warning),
        ], ignoreOrder: true);
        plan.Issues.Select(issue => issue.Message).ShouldBe([
            "Sharma side, row 9: 'Pax' is a formula; its last calculated value '3' is imported.",
            "Sharma side, row 10: '98765' is not a phone number; the guest is imported without a phone.",
            "Sharma side, row 11: the row has no guest's name, so it is left out. Add the name and import the file again.",
            "Friends, row 1: the column 'T-shirt size' is not imported. Choose what it holds in the mapping to import it.",
            "Friends, row 5: 'neha.gupta@example' is not an e-mail address; the guest is imported without one.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Planning_the_same_workbook_against_its_own_result_finds_every_household_already_there()
    {
        var file = Load("family-workbook.xlsx");
        var first = Plan(file);
        var existing = AsExisting(first);

        var again = Plan(file, existing);

        again.Households.Count.ShouldBe(first.Households.Count);
        again.Households.ShouldAllBe(household => household.Match.Kind == MatchKind.Same);
        again.Households.Select(household => household.Match.ExistingHouseholdId).ShouldBe(existing.Select(household => (Guid?)household.Id));
    }

    [Fact]
    public void A_user_edited_mapping_is_planned_as_edited_and_survives_JSON()
    {
        var file = Load("family-workbook.xlsx");
        var detected = MappingDetection.Detect(file);
        var friends = detected.Sheets[2];
        var edited = detected with
        {
            Sheets = [detected.Sheets[0], detected.Sheets[1], friends with { Columns = [.. friends.Columns.Select(column =>
                column.Header == "T-shirt size" ? column with { Field = GuestField.Notes } : column)] }],
        };

        // As the API sends it: camelCase, kebab-case enums.
        var json = JsonSerializer.Serialize(edited, ApiJson.Options);
        json.ShouldContain("\"field\":\"notes\"");
        var read = JsonSerializer.Deserialize<ImportMapping>(json, ApiJson.Options)!;
        JsonSerializer.Serialize(read, ApiJson.Options).ShouldBe(json);

        var plan = ImportPlanner.Plan(file, read, []);
        Named(plan, "Chris Evans").Notes.ShouldBe("L");
        plan.Issues.ShouldNotContain(issue => issue.Column == "T-shirt size");
    }

    [Fact]
    public void A_mapping_that_does_not_fit_the_file_is_refused_field_by_field()
    {
        var file = Load("family-workbook.xlsx");
        var detected = MappingDetection.Detect(file);
        var wrong = detected with
        {
            Sheets = [detected.Sheets[0] with { Sheet = "Verma side" }, detected.Sheets[1] with { Columns = [
                new ColumnMapping(0, "नाम", GuestField.FullName), new ColumnMapping(1, "Child", GuestField.ChildFirstName),
                new ColumnMapping(2, "Sangeet", GuestField.EventRsvp)] }],
        };

        var refused = Should.Throw<ValidationFailedException>(() => ImportPlanner.Plan(file, wrong, []));

        refused.Errors.Keys.ShouldBe(["mapping.sheets[0].sheet", "mapping.sheets[1].columns[1]", "mapping.sheets[1].columns[2]"], ignoreOrder: true);
        refused.Errors["mapping.sheets[0].sheet"].ShouldBe(["The file has no sheet named 'Verma side'."]);

        // What JSON can send: a missing list or header.
        var incomplete = JsonSerializer.Deserialize<ImportMapping>("""{"format":"spreadsheet","sheets":[{"sheet":"Friends","headerRow":1,"columns":[{"column":0,"field":"full-name"}]}]}""", ApiJson.Options)!;
        Should.Throw<ValidationFailedException>(() => ImportPlanner.Plan(file, incomplete, [])).Errors.Keys.ShouldBe(["mapping"]);
        Should.Throw<ValidationFailedException>(() => ImportPlanner.Plan(file, new ImportMapping(ImportFormat.Spreadsheet, null!), [])).Errors.Keys.ShouldBe(["mapping"]);
    }

    [Fact]
    public void A_Zola_guest_list_makes_households_from_partner_and_child_columns()
    {
        var file = Load("zola-guest-list.csv");
        // The Millers' street address holds a line break inside quotes: still one record, number 2.
        file.Sheets.Single().Rows.Select(row => row.Number).ShouldBe([1, 2, 3, 4, 5]);
        var plan = Plan(file);

        plan.Format.ShouldBe(ImportFormat.ZolaGuestList);
        plan.Issues.ShouldBeEmpty();
        plan.Households.Select(household => household.DisplayName).ShouldBe(["Miller family", "Meera Iyer & Arjun Nair", "Sameer Kapoor", "Fatima Sheikh"]);
        var miller = plan.Households[0];
        miller.Members.Select(member => (member.Name, member.Honorific, member.AgeGroup)).ShouldBe([
            ("David Miller", "Mr.", AgeGroup.Adult), ("Sarah Miller", "Mrs.", AgeGroup.Adult),
            ("Emma Miller", null, AgeGroup.Child), ("Noah Miller", null, AgeGroup.Child)]);
        (miller.Phone, miller.Email, miller.Group, miller.City, miller.State, miller.Country)
            .ShouldBe(("+14155550199", "david.miller@example.com", "Groom's colleagues", "San Francisco", "CA", "United States"));
        plan.Households[1].Phone.ShouldBe("+919845012345");
        plan.Households[2].Members.Select(member => (member.Name, member.Unnamed)).ShouldBe([("Sameer Kapoor", false), ("Guest of Sameer", true)]);
        plan.Households[2].Phone.ShouldBe("+447911123456");
        plan.Households[3].Phone.ShouldBe("+971501112233");   // written without its plus
    }

    [Fact]
    public void A_Zola_RSVP_export_after_its_guest_list_adds_answers_per_event_to_the_same_households()
    {
        var guestList = Plan(Load("zola-guest-list.csv"));
        var existing = AsExisting(guestList);

        var plan = Plan(Load("zola-rsvp.csv"), existing);

        plan.Format.ShouldBe(ImportFormat.ZolaRsvp);
        plan.Issues.ShouldBeEmpty();
        plan.Households.Select(household => (household.Match.Kind, household.Match.ExistingHouseholdId))
            .ShouldBe(existing.Select(household => (MatchKind.Same, (Guid?)household.Id)));
        var miller = plan.Households[0];
        Names(miller).ShouldBe(["David Miller", "Sarah Miller", "Emma Miller", "Noah Miller"]);
        miller.Invitations.Select(invitation => (invitation.Event, invitation.Places, string.Join(",", invitation.Answers.Select(answer => $"{answer.Member}:{answer.Answer}"))))
            .ShouldBe([
                ("Welcome Dinner", 2, "0:Attending,1:Attending"),
                ("Sangeet", 2, "0:Attending,1:Declined"),
                ("Wedding Ceremony", 4, "0:Attending,1:Attending,2:Attending,3:Attending"),
                ("Reception", 4, "0:Attending,1:Attending,2:Attending,3:Pending"),
            ]);
        plan.Households[3].Invitations.Select(invitation => invitation.Event).ShouldBe(["Wedding Ceremony", "Reception"]);
    }

    [Fact]
    public void A_Knot_export_groups_its_parties_and_reads_its_event_RSVP_columns()
    {
        var plan = Plan(Load("knot-guest-list.csv"));

        plan.Format.ShouldBe(ImportFormat.Knot);
        plan.Issues.ShouldBeEmpty();
        plan.Households.Select(household => household.DisplayName).ShouldBe(["The Johnson Family", "Kiran & Lakshmi Rao", "Tom Becker"]);
        var johnson = plan.Households[0];
        Names(johnson).ShouldBe(["Michael Johnson", "Jennifer Johnson", "Lily Johnson"]);
        (johnson.Phone, johnson.Email).ShouldBe(("+12125550147", "michael.johnson@example.com"));   // a US number without +1, read as the row's country's
        johnson.Invitations.Select(invitation => (invitation.Event, invitation.Places, string.Join(",", invitation.Answers.Select(answer => answer.Answer))))
            .ShouldBe([("Welcome Party", 2, "Attending,Attending"), ("Wedding Day", 3, "Attending,Declined,Attending")]);
        plan.Households[1].Phone.ShouldBe("+919886022222");
        var tom = plan.Households[2];
        tom.Members.Select(member => (member.Name, member.Unnamed)).ShouldBe([("Tom Becker", false), ("Guest of Tom", true)]);
        tom.Invitations.Select(invitation => (invitation.Event, invitation.Places)).ShouldBe([("Welcome Party", 1), ("Wedding Day", 2)]);
        tom.Invitations[1].Answers.Select(answer => answer.Answer).ShouldBe([RsvpAnswer.Attending, RsvpAnswer.Pending]);
    }

    [Fact]
    public void An_Excel_CSV_with_a_BOM_and_semicolons_is_read_with_its_Devanagari_and_a_shortened_number_is_reported()
    {
        var plan = Plan(Load("excel-semicolon-bom.csv"));

        plan.Households.Select(household => household.DisplayName).ShouldBe(["Vikram & Anjali Singh", "Pooja Agarwal", "दीपक अग्रवाल"]);
        var singh = plan.Households[0];
        (singh.Phone, singh.Side, singh.Group).ShouldBe(("+919876501234", GuestSide.Groom, "Mama ji's family"));
        singh.Members.Select(member => (member.Diet, member.Allergies)).ShouldBe([(Diet.NonVeg, null), (Diet.Veg, "Peanuts")]);
        plan.Households[1].Phone.ShouldBeNull();
        plan.Households[2].Members.Single().ShouldBe(new PlannedGuest("दीपक अग्रवाल", null, null, AgeGroup.Adult, Diet.Vegan, "Gluten; lactose", "+919839123456", null));
        plan.Issues.Single().Message.ShouldBe("Row 4: '9,19876E+11' lost its last digits when the spreadsheet shortened it; the guest is imported without a phone. Format the column as Text and copy the number again.");
    }

    [Fact]
    public void Excel_Unicode_text_is_UTF16_with_tabs_and_an_ANSI_CSV_is_read_as_Windows_1252()
    {
        var unicode = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("नाम\tमोबाइल\r\nसुनीता मेहता\t98290 11111\r\n")).ToArray();
        var plan = Plan(FromBytes(unicode, "guests.txt"));
        plan.Households.Single().Members.Single().ShouldBe(new PlannedGuest("सुनीता मेहता", null, null, AgeGroup.Adult, null, null, "+919829011111", null));

        var ansi = Encoding.Latin1.GetBytes("Name,Phone\r\nJosé Fernandes,+91 98200 12345\r\n");
        Plan(FromBytes(ansi)).Households.Single().DisplayName.ShouldBe("José Fernandes");

        // Excel's "sep=" first line names the separator and is not a row.
        var withSeparatorLine = FromText("sep=;\nName;City, State\nAnil Kapoor;Jaipur, Rajasthan\n");
        withSeparatorLine.Sheets.Single().Rows.Select(row => (row.Number, string.Join("|", row.Cells))).ShouldBe([(1, "Name|City, State"), (2, "Anil Kapoor|Jaipur, Rajasthan")]);
    }

    [Theory]
    [InlineData("98765 43210")]
    [InlineData("098765-43210")]
    [InlineData("+91-98765-43210")]
    [InlineData("919876543210")]
    [InlineData("0091 98765 43210")]
    [InlineData("(+91) 98765.43210")]
    [InlineData("+91 98765 43210")]
    [InlineData("9876543210.0")]
    [InlineData("9.87654321E+09")]
    [InlineData("9876543210")]
    [InlineData("९८७६५ ४३२१०")]
    public void Indian_numbers_in_every_form_people_write_them_are_one_number(string written)
    {
        GuestPhones.ToE164(written, "IN", out var problem).ShouldBe("+919876543210");
        problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("+1 415 555 2671", "IN", "+14155552671")]
    [InlineData("+971 50 123 4567", "IN", "+971501234567")]
    [InlineData("971501234567", "IN", "+971501234567")]
    [InlineData("+44 7911 123456", "IN", "+447911123456")]
    [InlineData("0044 7911 123456", "IN", "+447911123456")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("050 123 4567", "AE", "+971501234567")]
    public void Numbers_from_abroad_keep_their_country(string written, string region, string expected) =>
        GuestPhones.ToE164(written, region, out _).ShouldBe(expected);

    [Theory]
    [InlineData("98765", "'98765' is not a phone number; the guest is imported without a phone.")]
    [InlineData("N/A", "'N/A' is not a phone number; the guest is imported without a phone.")]
    [InlineData("9.19877E+11", "'9.19877E+11' lost its last digits when the spreadsheet shortened it; the guest is imported without a phone. Format the column as Text and copy the number again.")]
    [InlineData("0141 222 3333", "'0141 222 3333' is a landline; the guest is imported without a phone (invitations and reminders go to mobiles).")]
    public void What_is_not_a_mobile_number_says_why(string written, string message)
    {
        GuestPhones.ToE164(written, "IN", out var problem).ShouldBeNull();
        problem.ShouldBe(message);
    }

    [Theory]
    [InlineData("USA", "US")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("U.A.E.", "AE")]
    [InlineData("भारत", "IN")]
    [InlineData("sg", "SG")]
    [InlineData("Narnia", null)]
    public void Countries_as_lists_write_them_give_the_phone_region(string country, string? region) =>
        GuestPhones.RegionOf(country).ShouldBe(region);

    [Theory]
    [InlineData("प्रिया", "Priya")]
    [InlineData("राहुल शर्मा", "Rahul Sharma")]
    [InlineData("सुनीता मेहता", "Sunita Mehta")]
    [InlineData("अमित", "Amit")]
    [InlineData("दीपक", "Deepak")]
    [InlineData("पूजा", "Pooja")]
    [InlineData("विक्रम सिंह", "Vikram Singh")]
    [InlineData("Mr. Rahul Sharma", "rahul sharma")]
    [InlineData("Sharma Rahul", "Rahul Sharma")]
    [InlineData("Smt. Kamla Devi", "Kamla Devi")]
    [InlineData("Sunita Mausi", "Sunita")]
    [InlineData("Shri Ramesh ji", "Ramesh")]
    [InlineData("Chacha ji", "chacha")]
    [InlineData("Chris Evans", "Christopher Evans")]
    [InlineData("Bob Wilson", "Robert Wilson")]
    [InlineData("Liz Taylor", "Elizabeth Taylor")]
    [InlineData("Beth", "Elizabeth")]
    [InlineData("Mike Ross", "Michael Ross")]
    [InlineData("Kate Middleton", "Katherine Middleton")]
    [InlineData("José", "Jose")]
    [InlineData("Vikas", "Wikas")]
    public void Names_written_differently_have_one_key(string name, string other) =>
        GuestNames.Key(name).ShouldBe(GuestNames.Key(other));

    [Theory]
    [InlineData("Mohammed Ali", "Mohammad Ali")]
    [InlineData("Priya", "Pria")]
    [InlineData("Sanjay Gupta", "Sanjai Gupta")]
    [InlineData("दीपक अग्रवाल", "Deepak Agarwal")]
    [InlineData("Rahul Kumar Sharma", "Rahul Sharma")]
    [InlineData("R. Sharma", "Rahul Sharma")]
    public void Names_spelt_a_little_differently_are_similar(string name, string other) =>
        GuestNames.AreSimilar(GuestNames.Key(name), GuestNames.Key(other)).ShouldBeTrue($"{GuestNames.Similarity(GuestNames.Key(name), GuestNames.Key(other))}");

    [Theory]
    [InlineData("Priya", "Riya")]
    [InlineData("Rahul Sharma", "Rahul Verma")]
    [InlineData("Priya", "Priyanka")]
    [InlineData("Sunil", "Sunita")]
    [InlineData("Rakesh", "Rajesh")]
    [InlineData("Rahul", "Rahul Sharma")]
    [InlineData("Amit Mehta", "Sumit Mehta")]
    public void Different_names_are_not_similar(string name, string other) =>
        GuestNames.AreSimilar(GuestNames.Key(name), GuestNames.Key(other)).ShouldBeFalse($"{GuestNames.Similarity(GuestNames.Key(name), GuestNames.Key(other))}");

    [Fact]
    public void A_similar_name_under_the_same_phone_is_offered_as_similar_and_an_unrelated_one_is_new()
    {
        var priyaId = Guid.NewGuid();
        var sharmaId = Guid.NewGuid();
        List<ExistingHousehold> existing = [
            new(priyaId, "Priya Sharma", ["+919876543210"], [GuestNames.Key("Priya Sharma")]),
            new(sharmaId, "Sharma family", ["+919811100000"], [GuestNames.Key("Rahul Sharma"), GuestNames.Key("Anita Sharma")]),
        ];

        var plan = Plan(FromText("Name,Phone,Family\nPria Sharma,98765 43210,\nAnita Desai,98111 22222,\nRahul Sharma,98111 33333,\nMeena Sharma,,Sharma family\n"), existing);

        plan.Households.Select(household => (household.DisplayName, household.Match)).ShouldBe([
            ("Pria Sharma", new HouseholdMatch(MatchKind.Similar, priyaId, "Priya Sharma")),
            ("Anita Desai", HouseholdMatch.New),
            // The same name as an existing guest but another phone: perhaps a namesake.
            ("Rahul Sharma", new HouseholdMatch(MatchKind.Similar, sharmaId, "Sharma family")),
            // The same household name, none of its names.
            ("Sharma family", new HouseholdMatch(MatchKind.Similar, sharmaId, "Sharma family")),
        ]);
    }

    [Fact]
    public void Couples_plus_ones_and_family_rows_become_people_and_places()
    {
        var plan = Plan(FromText("Guest Name,Pax\nMr & Mrs Verma,\nRahul & Priya Kapoor,\nAnkit Jain +1,\nGupta family,4\nMehta ji & family,3\n"));

        plan.Households.Select(household => (household.DisplayName, string.Join(" | ", household.Members.Select(member => $"{member.Honorific} {member.Name}{(member.Unnamed ? "*" : "")}".Trim()))))
            .ShouldBe([
                ("Mr & Mrs Verma", "Mr Verma | Mrs Verma"),
                ("Rahul & Priya Kapoor", "Rahul Kapoor | Priya Kapoor"),
                ("Ankit Jain", "Ankit Jain | Guest of Ankit*"),
                ("Gupta family", "Guest* | Guest* | Guest* | Guest*"),
                ("Mehta ji & family", "Mehta ji | Guest of Mehta* | Guest of Mehta*"),
            ]);
    }

    [Fact]
    public void Families_that_share_a_phone_stay_apart_and_a_row_without_a_family_joins_the_first()
    {
        var plan = Plan(FromText("Name,Phone,Family\nRamesh Verma,98290 44444,Verma family\nSuresh Verma,98290 44444,Suresh Verma's family\nKusum Verma,+91 98290 44444,\nRamesh Verma,98290 44444,\n"));

        plan.Households.Select(household => (household.DisplayName, string.Join(", ", Names(household))))
            .ShouldBe([("Verma family", "Ramesh Verma, Kusum Verma"), ("Suresh Verma's family", "Suresh Verma")]);
        plan.Issues.Single().Message.ShouldBe("Row 5: Ramesh Verma is already in this household (row 2); imported once.");
    }

    [Fact]
    public void Values_in_Hindi_and_Hinglish_are_understood_and_others_are_warned_about()
    {
        var plan = Plan(FromText("Name,Side,Diet,Adult/Child,Sangeet RSVP\nAarav,ladkiwale,pure veg,8,haan\nIra,दोनों,eggitarian,infant,नहीं\nKabir,neighbours,chicken,teen,later\n"));

        plan.Households.Select(household => (household.Side, household.Members[0].Diet, household.Members[0].AgeGroup, household.Invitations.Single().Answers.Single().Answer))
            .ShouldBe([
                (GuestSide.Bride, Diet.Veg, AgeGroup.Child, RsvpAnswer.Attending),
                (GuestSide.Both, Diet.Eggetarian, AgeGroup.Infant, RsvpAnswer.Declined),
                ((GuestSide?)null, (Diet?)null, AgeGroup.Adult, RsvpAnswer.Pending),
            ]);
        plan.Households[0].Invitations.Single().Event.ShouldBe("Sangeet");
        plan.Issues.Select(issue => (issue.Row, issue.Column)).ShouldBe([(4, "Side"), (4, "Diet"), (4, "Adult/Child"), (4, "Sangeet RSVP")], ignoreOrder: true);
        plan.Issues.ShouldAllBe(issue => issue.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public void A_sheet_without_a_name_column_is_left_out_with_one_error()
    {
        var plan = Plan(FromText("Phone,City\n98765 43210,Jaipur\n98111 22233,Delhi\n"));

        plan.Households.ShouldBeEmpty();
        (plan.RowsRead, plan.RowsLeftOut).ShouldBe((2, 2));
        plan.Issues.Single().ShouldBe(new ImportIssue("", 0, null, IssueSeverity.Error,
            "The file has no column of guests' names, so its 2 rows are left out. Choose the name column in the mapping."));
    }

    [Fact]
    public void Files_that_cannot_be_guest_lists_are_refused_with_a_reason()
    {
        ProblemOf(() => FromBytes([])).ShouldBe("The file is empty. Choose the guest list again.");
        ProblemOf(() => FromBytes(new byte[GuestFile.MaxBytes + 1])).ShouldStartWith("The file is larger than 10 MB.");
        ProblemOf(() => FromBytes([.. "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8], "guests.xlsx")).ShouldStartWith("This file is a PDF, not a spreadsheet.");
        ProblemOf(() => FromBytes([.. "PK\u0003\u0004"u8, .. new byte[200]], "guests.xlsx")).ShouldStartWith("This file is not an Excel workbook that can be read");
        ProblemOf(() => FromBytes([.. "Name,Phone\nRahul,98765 43210\n"u8], "guests.xlsx")).ShouldStartWith("This file is not an Excel workbook that can be read");
        ProblemOf(() => FromBytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "guests.xls")).ShouldStartWith("This is an Excel 97-2003 workbook (.xls).");
        ProblemOf(() => FromText("\r\n ;; \r\n")).ShouldStartWith("The file has no rows.");

        using var notAWorkbook = new MemoryStream();
        using (var zip = new ZipArchive(notAWorkbook, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("photo-list.txt").Open());
            writer.Write("not a workbook");
        }
        ProblemOf(() => FromBytes(notAWorkbook.ToArray(), "guests.xlsx")).ShouldStartWith("This file is not an Excel workbook that can be read");
    }

    private static byte[] Workbook(Dictionary<string, int> rowsPerSheet)
    {
        using var stream = new MemoryStream();
        var first = 0;
        var sheets = new Dictionary<string, object>();
        foreach (var (sheet, rows) in rowsPerSheet)
        {
            var offset = first;
            sheets[sheet] = Enumerable.Range(offset, rows).Select(i => new Dictionary<string, object>
            {
                ["Name"] = $"Ram Prasad {i}",
                ["Phone"] = 9_800_000_000L + i,   // a number cell, as Excel stores a phone typed into a General cell
                ["City"] = "Jaipur",
            });
            first += rows;
        }
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    [Fact]
    public void A_sheet_of_100000_rows_is_refused_and_so_are_20001_rows_over_several_sheets()
    {
        var tooLong = Workbook(new() { ["Everyone"] = 100_000 });
        tooLong.Length.ShouldBeLessThan((int)GuestFile.MaxBytes);   // refused for its rows, not its size
        ProblemOf(() => FromBytes(tooLong, "everyone.xlsx")).ShouldBe("The file has more than 20,000 guest rows. Split it into smaller files of at most 20,000 rows.");
        ProblemOf(() => FromBytes(Workbook(new() { ["A"] = 10_000, ["B"] = 10_001 }), "two.xlsx")).ShouldStartWith("The file has more than 20,000 guest rows.");
        FromBytes(Workbook(new() { ["A"] = 10_000, ["B"] = 10_000 }), "two.xlsx").Sheets.Sum(sheet => sheet.Rows.Count).ShouldBe(20_002);
    }

    [Fact]
    public void A_workbook_of_5000_rows_is_planned_whole()
    {
        var file = FromBytes(Workbook(new() { ["Sharma side"] = 2_500, ["Mehta side"] = 2_500 }), "big.xlsx");

        var plan = Plan(file);

        plan.Households.Count.ShouldBe(5_000);
        plan.Issues.ShouldBeEmpty();
        plan.Households[0].Phone.ShouldBe("+919800000000");
        plan.Households[^1].Tags.ShouldBe(["Mehta side"]);
    }
}
