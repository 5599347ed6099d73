using System.Net;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>A wedding's budget: the arithmetic in paise with the RSVP headcounts, what-if against saving, fee models, and what the couple sees.</summary>
public abstract class BudgetTests(TestServer server) : ProviderTests(server)
{
    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, EventResponse Sangeet, HouseholdResponse Household, VendorResponse Caterer,
        VendorResponse Decorator)
    {
        public string Api => $"/api/v1/weddings/{Wedding.Id}";
    }

    private async Task<Setup> SetUpAsync()
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil", new DateOnly(2027, 2, 14));
        var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 2, 13, 19, 0, 0),
            new DateTime(2027, 2, 13, 23, 0, 0), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", new HouseholdRequest("Sharma family", GuestSide.Bride, null, null, null,
            null, null, null, null, null, null, [new GuestRequest(null, "Asha Sharma", null, null, null, null, null, null, null, null)]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations", new InvitationsRequest([new(sangeet.Id, 20, null)]), "\"1\""))
            .EnsureSuccessStatusCode();
        await AttendAsync(admin, wedding, household, sangeet, 10);
        async Task<VendorResponse> VendorAsync(string name, string category) => await (await admin.PostJsonAsync("/api/v1/vendors",
            new VendorRequest(name, [category], null, null, null, null, "Jaipur", "08", null, null, null))).ReadAsync<VendorResponse>(HttpStatusCode.Created);
        return new Setup(studio, admin, wedding, sangeet, household, await VendorAsync("Sharma Caterers", "Caterer"), await VendorAsync("Phoolwala Decor", "Decorator"));
    }

    private static async Task AttendAsync(HttpClient admin, WeddingResponse wedding, HouseholdResponse household, EventResponse e, int attending) =>
        (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations/{e.Id}/answer", new RsvpRequest(null, attending)))
            .EnsureSuccessStatusCode();

    /// <summary>
    /// The caterer booked at ₹1,500 a plate + 5% for the sangeet; the decorator quoted ₹2,00,000 + 18% (booked or not); planned: ₹1,400 a head for
    /// catering, ₹2,50,000 for decor, ₹300 a head of favours (not shared with the couple).
    /// </summary>
    private static async Task<(BudgetLineResponse Plates, BudgetLineResponse Decor, BudgetLineResponse Favours, BookingResponse Caterer)> FillAsync(Setup setup,
        BookingStatus decorator = BookingStatus.Booked)
    {
        async Task<BudgetLineResponse> LineAsync(BudgetLineRequest line) =>
            await (await setup.Admin.PostJsonAsync($"{setup.Api}/budget/lines", line)).ReadAsync<BudgetLineResponse>(HttpStatusCode.Created);
        var plates = await LineAsync(new BudgetLineRequest("caterer", "Sangeet dinner", null, setup.Sangeet.Id, 1_400_00, null, null));
        var decor = await LineAsync(new BudgetLineRequest("Decorator", "Mandap and stage", 2_50_000_00, null, null, null, "Marigold, not roses"));
        var favours = await LineAsync(new BudgetLineRequest("Favours", "Mithai boxes", null, setup.Sangeet.Id, 300_00, false, null));
        var caterer = await (await setup.Admin.PostJsonAsync($"{setup.Api}/bookings", new BookingRequest(setup.Caterer.Id, setup.Sangeet.Id, "Dinner", null, BookingStatus.Booked,
            [new QuoteLineRequest("Dinner", null, 1_500_00, true, 500)], null, null, null, null, null))).ReadAsync<BookingResponse>(HttpStatusCode.Created);
        var decorBooking = await (await setup.Admin.PostJsonAsync($"{setup.Api}/bookings", new BookingRequest(setup.Decorator.Id, null, "Mandap", null, decorator,
            [new QuoteLineRequest("Mandap", 1, 2_00_000_00, null, 1800)], null, null, null, null, null))).ReadAsync<BookingResponse>(HttpStatusCode.Created);
        (await setup.Admin.PostJsonAsync($"{setup.Api}/bookings/{decorBooking.Id}/payments", new VendorPaymentRequest(new DateOnly(2026, 11, 2), PaymentMode.Neft, "NEFT 9",
            90_000_00, 10_000_00, null))).EnsureSuccessStatusCode();
        return (plates, decor, favours, caterer);
    }

    [Fact]
    public async Task The_budget_adds_up_in_paise_and_follows_the_rsvps()
    {
        var setup = await SetUpAsync();
        await FillAsync(setup);
        var budget = await setup.Admin.GetAsync<BudgetResponse>($"{setup.Api}/budget");
        var categories = budget.Categories.ToDictionary(c => c.Name);
        Assert.Equal(["Caterer", "Decorator", "Favours"], budget.Categories.Select(c => c.Name));
        // Caterer: planned 10 × ₹1,400; committed 10 × ₹1,500 + 5%.
        Assert.Equal(new BudgetCategory("Caterer", 14_000_00, 15_750_00, 0, 15_750_00), categories["Caterer"]);
        // Decorator: ₹2,00,000 + 18% committed; ₹90,000 paid and ₹10,000 TDS withheld settle ₹1,00,000 of it.
        Assert.Equal(new BudgetCategory("Decorator", 2_50_000_00, 2_36_000_00, 1_00_000_00, 1_36_000_00), categories["Decorator"]);
        Assert.Equal(new BudgetCategory("Favours", 3_000_00, 0, 0, 0), categories["Favours"]);
        Assert.Equal(new BudgetTotals(2_67_000_00, 2_51_750_00, 1_00_000_00, 1_51_750_00, 0, 15_750_00 + 2_50_000_00 + 3_000_00), budget.Totals);
        Assert.Equal(new BudgetHeadcount(setup.Sangeet.Id, "Sangeet", 10, 10), Assert.Single(budget.Headcounts));

        // Eight more guests say yes: per-guest lines and per-plate quotes follow.
        await AttendAsync(setup.Admin, setup.Wedding, setup.Household, setup.Sangeet, 18);
        var after = await setup.Admin.GetAsync<BudgetResponse>($"{setup.Api}/budget");
        Assert.Equal((18 * 1_400_00L, 18 * 1_500_00L * 105 / 100, 18 * 300_00L), (after.Categories[0].PlannedPaise, after.Categories[0].CommittedPaise, after.Categories[2].PlannedPaise));

        // A fee of 10% of what is committed, rounded half up to the paisa.
        var fee = await (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.PercentOfSpend, null, 1000, null), "\"0\""))
            .ReadAsync<BudgetResponse>();
        Assert.Equal((after.Totals.CommittedPaise / 10, 1L), (fee.Totals.FeePaise, fee.Version));
        Assert.Equal(after.Totals.CoupleTotalPaise + fee.Totals.FeePaise, fee.Totals.CoupleTotalPaise);
    }

    [Fact]
    public async Task A_what_if_gives_exactly_what_saving_the_same_change_gives_and_saves_nothing()
    {
        var setup = await SetUpAsync();
        var (plates, decor, favours, _) = await FillAsync(setup);
        var saved = await setup.Admin.GetAsync<BudgetResponse>($"{setup.Api}/budget");

        // "What if the sangeet had 15 guests, the decor cost ₹3,00,000, favours were dropped, a DJ were added and we charged a 12% markup?"
        var whatIf = await (await setup.Admin.PostJsonAsync($"{setup.Api}/budget/what-if", new BudgetWhatIfRequest(
            [new WhatIfHeadcount(setup.Sangeet.Id, 15)],
            [new BudgetLineChange(decor.Id, 3_00_000_00, null, null), new BudgetLineChange(favours.Id, null, null, true)],
            [new BudgetLineRequest("DJ", "Sangeet DJ", 60_000_00, null, null, null, null)],
            new BudgetSettingsRequest(FeeModel.Markup, null, 1200, null)))).ReadAsync<BudgetResponse>();
        Assert.True(whatIf.IsWhatIf);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(saved), System.Text.Json.JsonSerializer.Serialize(await setup.Admin.GetAsync<BudgetResponse>($"{setup.Api}/budget")));

        // The same change, saved.
        await AttendAsync(setup.Admin, setup.Wedding, setup.Household, setup.Sangeet, 15);
        (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/lines/{decor.Id}", new BudgetLineRequest("Decorator", "Mandap and stage", 3_00_000_00, null, null, null,
            "Marigold, not roses"), "\"1\"")).EnsureSuccessStatusCode();
        (await setup.Admin.DeleteAsync($"{setup.Api}/budget/lines/{favours.Id}", Cancel)).EnsureSuccessStatusCode();
        var dj = await (await setup.Admin.PostJsonAsync($"{setup.Api}/budget/lines", new BudgetLineRequest("DJ", "Sangeet DJ", 60_000_00, null, null, null, null)))
            .ReadAsync<BudgetLineResponse>(HttpStatusCode.Created);
        var real = await (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.Markup, null, 1200, null), "\"0\""))
            .ReadAsync<BudgetResponse>();
        Assert.Equal(real.Categories, whatIf.Categories);
        Assert.Equal(real.Totals, whatIf.Totals);
        Assert.Equal(real.Settings, whatIf.Settings);
        Assert.Equal(real.Lines.Select(l => (l.Category, l.Description, l.PlannedPaise, l.Guests)).Order(),
            whatIf.Lines.Select(l => (l.Category, l.Description, l.PlannedPaise, l.Guests)).Order());
        Assert.Equal(15, Assert.Single(real.Headcounts).Used);
        Assert.Contains(real.Lines, l => l.Id == dj.Id);
        Assert.Equal(plates.Id, real.Lines.Single(l => l.Description == "Sangeet dinner").Id);

        // A what-if of what is not there is a field error.
        var bad = await (await setup.Admin.PostJsonAsync($"{setup.Api}/budget/what-if", new BudgetWhatIfRequest([new WhatIfHeadcount(Guid.CreateVersion7(), 5)],
            [new BudgetLineChange(Guid.CreateVersion7(), 1, null, null)], [new BudgetLineRequest("DJ", "DJ", 1, setup.Sangeet.Id, 1, null, null)], null)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["headcounts[0].eventId", "lines[0].id", "newLines[0].amountPaise"], bad.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_couple_sees_what_the_studio_shares_and_never_the_vendors_costs_or_its_margin()
    {
        var setup = await SetUpAsync();
        await FillAsync(setup, decorator: BookingStatus.Booked);
        var client = await setup.Studio.AddMemberAsync(Role.Client, setup.Admin);
        (await setup.Admin.PutJsonAsync(setup.Api, new WeddingRequest("Meera & Sahil", "Bride", "Groom", new DateOnly(2027, 2, 14), "Jaipur", WeddingStatus.Booked, null, 200,
            null, [new TeamAssignment(client.Id, TeamRole.Client)]), "*")).EnsureSuccessStatusCode();
        var shared = $"{setup.Api}/budget/shared";

        // Nothing until the studio shares it.
        var unshared = await client.Client.GetAsync<SharedBudgetResponse>(shared);
        Assert.Equal((false, 0, null, 0L), (unshared.Shared, unshared.Categories.Count, unshared.FeePaise, unshared.TotalPaise));
        await (await client.Client.GetAsync($"{setup.Api}/budget", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.Client.GetAsync($"{setup.Api}/bookings", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);

        // Shared, on a 15% markup: each category at the larger of planned and the marked-up cost; no fee line, no cost, no payment.
        (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.Markup, null, 1500, true), "\"0\"")).EnsureSuccessStatusCode();
        var raw = await client.Client.GetStringAsync(shared, Cancel);
        var couple = await client.Client.GetAsync<SharedBudgetResponse>(shared);
        Assert.True(couple.Shared);
        Assert.Equal([("Caterer", 15_750_00 + 2_362_50L), ("Decorator", 2_71_400_00L), ("Favours", 3_000_00L)], couple.Categories.Select(c => (c.Name, c.AmountPaise)));
        Assert.Equal((null, couple.Categories.Sum(c => c.AmountPaise)), (couple.FeePaise, couple.TotalPaise));
        Assert.Equal(["Sangeet dinner"], couple.Categories[0].Lines.Select(l => l.Description));
        Assert.Empty(couple.Categories[2].Lines);
        foreach (var secret in new[] { "1575000", "23600000", "10000000", "13600000", "committed", "paid", "outstanding", "Sharma Caterers", "Phoolwala", "Marigold", "Mithai" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }

        // On a fixed fee the couple sees the costs with the fee as its own line.
        (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.Fixed, 1_50_000_00, null, true), "*")).EnsureSuccessStatusCode();
        var fixedFee = await client.Client.GetAsync<SharedBudgetResponse>(shared);
        Assert.Equal((1_50_000_00L, 15_750_00 + 2_50_000_00 + 3_000_00 + 1_50_000_00L), (fixedFee.FeePaise!.Value, fixedFee.TotalPaise));
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        await (await coordinator.Client.GetAsync(shared, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        var other = await (await NewStudioAsync()).AdminAsync();
        await (await other.GetAsync(shared, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"{setup.Api}/budget", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_amounts_and_lines_are_field_errors_and_change_nothing()
    {
        var setup = await SetUpAsync();
        var lines = $"{setup.Api}/budget/lines";
        var good = new BudgetLineRequest("Caterer", "Dinner", null, setup.Sangeet.Id, 1_400_00, null, null);
        var bad = new (BudgetLineRequest Request, string Field)[]
        {
            (good with { PerGuestPaise = -1 }, "PerGuestPaise"),
            (good with { AmountPaise = 5 }, "amountPaise"),
            (good with { PerGuestPaise = null }, "amountPaise"),
            (good with { EventId = null }, "eventId"),
            (good with { EventId = Guid.CreateVersion7() }, "eventId"),
            (good with { PerGuestPaise = VendorLimits.MaxPerGuestPaise + 1 }, "perGuestPaise"),
            (good with { AmountPaise = VendorLimits.MaxAmountPaise + 1, PerGuestPaise = null, EventId = null }, "AmountPaise"),
            (good with { Category = "" }, "Category"),
        };
        foreach (var (request, field) in bad)
        {
            var problem = await (await setup.Admin.PostJsonAsync(lines, request)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(problem.Errors!.Keys, k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
        }
        // Amounts in rupees with decimals, or beyond a 64-bit integer, are not paise.
        foreach (var json in new[] { """{"category":"Caterer","description":"Dinner","amountPaise":1400.50}""", """{"category":"Caterer","description":"Dinner","amountPaise":99999999999999999999}""" })
        {
            var problem = await (await setup.Admin.PostAsync(lines, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.Errors!);
        }
        Assert.Empty((await setup.Admin.GetAsync<BudgetResponse>($"{setup.Api}/budget")).Lines);
        await (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.Fixed, null, 1000, null), "\"0\"")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.Markup, null, 10_001, null), "\"0\"")).ProblemAsync(HttpStatusCode.BadRequest);
        // A stale settings version is refused.
        (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.Fixed, 1_00_000_00, null, null), "\"0\"")).EnsureSuccessStatusCode();
        await (await setup.Admin.PutJsonAsync($"{setup.Api}/budget/settings", new BudgetSettingsRequest(FeeModel.Fixed, 2_00_000_00, null, null), "\"0\"")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1_00_000_00, (await setup.Admin.GetAsync<BudgetResponse>($"{setup.Api}/budget")).Settings.FeeFixedPaise);
    }
}

public sealed class BudgetTestsOnSqlite(SqliteServer server) : BudgetTests(server);

public sealed class BudgetTestsOnPostgres(PostgresServer server) : BudgetTests(server);
