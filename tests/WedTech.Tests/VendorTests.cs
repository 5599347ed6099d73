using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Vendors;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>The vendor book, bookings with GST quotes, payments out and their reminders, and the vendor's day link.</summary>
public abstract class VendorTests(TestServer server) : ProviderTests(server)
{
    /// <summary>Real-format GSTINs (their check characters verified by the GSTN's algorithm), and the same with one character mistyped.</summary>
    public static readonly string[] RealGstins = ["27AAACR5055K1Z7", "29AAGCB7383J1Z4", "07AAGFF2194N1Z1", "24AAACC1206D1ZM", "33AAACH7409R1Z8", "27AAPFU0939F1ZV"];

    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);

    private static readonly VendorRequest Caterer = new("Sharma Caterers", ["caterer"], [new VendorContact("Rakesh Sharma", "Owner", "98290 11111", "rakesh@sharma.example.com")],
        "27 aaacr5055k1z7", null, "MI Road", "Jaipur", null, null, 4, "Best dal baati in town");

    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, EventResponse Sangeet, HouseholdResponse Household, VendorResponse Vendor)
    {
        public string Bookings => $"/api/v1/weddings/{Wedding.Id}/bookings";
    }

    private async Task<Setup> SetUpAsync(Studio? studio = null)
    {
        studio ??= await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil", new DateOnly(2027, 2, 14));
        var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 2, 13, 19, 0, 0),
            new DateTime(2027, 2, 13, 23, 0, 0), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", new HouseholdRequest("Sharma family", GuestSide.Bride, null, null, null,
            null, null, null, null, null, null, [new GuestRequest(null, "Asha Sharma", null, null, null, null, null, null, null, null)]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations", new InvitationsRequest([new(sangeet.Id, 6, null)]), "\"1\""))
            .EnsureSuccessStatusCode();
        await AttendAsync(admin, wedding, household, sangeet, 3);
        var vendor = await (await admin.PostJsonAsync("/api/v1/vendors", Caterer)).ReadAsync<VendorResponse>(HttpStatusCode.Created);
        return new Setup(studio, admin, wedding, sangeet, household, vendor);
    }

    private static async Task AttendAsync(HttpClient admin, WeddingResponse wedding, HouseholdResponse household, EventResponse e, int attending) =>
        (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations/{e.Id}/answer", new RsvpRequest(null, attending)))
            .EnsureSuccessStatusCode();

    /// <summary>Dinner at ₹1,200 a plate with 5% GST for the sangeet's guests, and two live counters at ₹25,000 with 18%.</summary>
    private static BookingRequest Dinner(Setup setup, BookingStatus status = BookingStatus.Booked) => new(setup.Vendor.Id, setup.Sangeet.Id, "Sangeet dinner", null, status,
        [new QuoteLineRequest("Dinner", null, 1_200_00, true, 500), new QuoteLineRequest("Live counters", 2, 25_000_00, null, 1800)],
        [new InstalmentRequest(null, "Advance", InstalmentKind.Advance, Today.AddDays(2), 20_000_00),
            new InstalmentRequest(null, "Balance", InstalmentKind.AfterEvent, new DateOnly(2027, 2, 20), 30_000_00)],
        new DateTime(2027, 2, 13, 16, 30, 0), "Rakesh", "98290 11111", "Keep the dal mild");

    private static async Task<BookingResponse> BookAsync(Setup setup, BookingRequest request) =>
        await (await setup.Admin.PostJsonAsync(setup.Bookings, request)).ReadAsync<BookingResponse>(HttpStatusCode.Created);

    private static async Task<List<MessageResponse>> MessagesAsync(HttpClient admin, Guid? weddingId = null) =>
        [.. (await admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?pageSize=100{(weddingId is { } id ? $"&weddingId={id}" : "")}")).Items];

    [Fact]
    public void Gstins_are_checked_by_the_GSTNs_check_character()
    {
        foreach (var gstin in RealGstins)
        {
            Assert.Null(IndianTaxIds.CheckGstin(gstin));
            const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            var wrong = gstin[..14] + alphabet[(alphabet.IndexOf(gstin[14], StringComparison.Ordinal) + 1) % 36];
            Assert.Contains("mistyped", IndianTaxIds.CheckGstin(wrong), StringComparison.Ordinal);
            // A transposition of two characters of the PAN is caught too.
            var swapped = gstin[..5] + gstin[6] + gstin[5] + gstin[7..];
            Assert.True(swapped == gstin || IndianTaxIds.CheckGstin(swapped) is not null, swapped);
        }
        Assert.Contains("state", IndianTaxIds.CheckGstin("00AAACR5055K1Z7"), StringComparison.Ordinal);
        Assert.Contains("PAN", IndianTaxIds.CheckGstin("27AAAC05055K1Z7"), StringComparison.Ordinal);
        Assert.Null(IndianTaxIds.CheckIfsc("HDFC0001234"));
        Assert.NotNull(IndianTaxIds.CheckIfsc("HDFC1001234"));
        Assert.Null(IndianTaxIds.CheckUpiId("sharma.caterers@okhdfcbank"));
        Assert.NotNull(IndianTaxIds.CheckUpiId("sharma@ok hdfc"));
    }

    [Fact]
    public async Task A_vendor_is_kept_as_India_writes_it_and_bad_input_changes_nothing()
    {
        var setup = await SetUpAsync();
        Assert.Equal(("27AAACR5055K1Z7", "AAACR5055K", "27", "Maharashtra", "Caterer", "+919829011111"),
            (setup.Vendor.Gstin, setup.Vendor.Pan, setup.Vendor.StateCode, setup.Vendor.StateName, setup.Vendor.Categories[0], setup.Vendor.Contacts[0].Phone));
        var bad = new (VendorRequest Request, string Field)[]
        {
            (Caterer with { Gstin = "27AAACR5055K1Z8" }, "gstin"),
            (Caterer with { Gstin = "27AAACR5055K1Z" }, "gstin"),
            (Caterer with { StateCode = "08" }, "stateCode"),
            (Caterer with { Pan = "ABCDE1234F" }, "pan"),
            (Caterer with { Gstin = null, Pan = "ABCDE12345" }, "pan"),
            (Caterer with { Gstin = null, StateCode = "00" }, "stateCode"),
            (Caterer with { Categories = [" "] }, "categories"),
            (Caterer with { Contacts = [new VendorContact("Rakesh", null, "12345", null)] }, "contacts[0].phone"),
            (Caterer with { Bank = new VendorBankDetails("Sharma Caterers", "12345678901", "HDFC1001234", null) }, "bank.ifsc"),
            (Caterer with { Bank = new VendorBankDetails(null, "12345678901", "HDFC0001234", null) }, "bank.accountName"),
            (Caterer with { Bank = new VendorBankDetails(null, null, null, "not a upi id") }, "bank.upiId"),
        };
        foreach (var (request, field) in bad)
        {
            var problem = await (await setup.Admin.PostJsonAsync("/api/v1/vendors", request)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, problem.Errors!.Keys);
        }
        Assert.Equal(1, (await setup.Admin.GetAsync<PagedResponse<VendorResponse>>("/api/v1/vendors")).TotalCount);

        // The book finds by name, phone or GSTIN, and by category; a studio's own category joins the list.
        await (await setup.Admin.PostJsonAsync("/api/v1/vendors", new VendorRequest("Raja Ghodi Wale", ["Ghodi", "Band"], null, null, null, null, "Jaipur", "08", null, null, null)))
            .ReadAsync<VendorResponse>(HttpStatusCode.Created);
        Assert.Equal(["Sharma Caterers"], (await setup.Admin.GetAsync<PagedResponse<VendorResponse>>("/api/v1/vendors?q=9829011111")).Items.Select(v => v.Name));
        Assert.Equal(["Sharma Caterers"], (await setup.Admin.GetAsync<PagedResponse<VendorResponse>>("/api/v1/vendors?q=27aaacr")).Items.Select(v => v.Name));
        Assert.Equal(["Raja Ghodi Wale"], (await setup.Admin.GetAsync<PagedResponse<VendorResponse>>("/api/v1/vendors?category=band")).Items.Select(v => v.Name));
        var categories = (await setup.Admin.GetAsync<VendorCategoriesResponse>("/api/v1/vendors/categories")).Categories;
        Assert.Equal(("Caterer", "Ghodi"), (categories[0], categories[^1]));

        // A stale change is refused; a vendor with a booking stays; another studio finds nothing.
        (await setup.Admin.PutJsonAsync($"/api/v1/vendors/{setup.Vendor.Id}", Caterer with { Rating = 5 }, "\"1\"")).EnsureSuccessStatusCode();
        await (await setup.Admin.PutJsonAsync($"/api/v1/vendors/{setup.Vendor.Id}", Caterer with { Rating = 2 }, "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        await BookAsync(setup, Dinner(setup));
        await (await setup.Admin.DeleteAsync($"/api/v1/vendors/{setup.Vendor.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        var served = await setup.Admin.GetAsync<VendorResponse>($"/api/v1/vendors/{setup.Vendor.Id}");
        Assert.Equal((5, "Meera & Sahil", 1), (served.Rating, Assert.Single(served.Weddings!).Title, served.Bookings));
        var other = await (await NewStudioAsync()).AdminAsync();
        await (await other.GetAsync($"/api/v1/vendors/{setup.Vendor.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutJsonAsync($"/api/v1/vendors/{setup.Vendor.Id}", Caterer, "*")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bank_details_are_sealed_shown_masked_and_every_change_is_audited_and_told_to_the_admins()
    {
        var setup = await SetUpAsync();
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        var secondAdmin = await setup.Studio.AddMemberAsync(Role.Admin, setup.Admin);
        var bank = new VendorBankDetails("Sharma Caterers", "50100234567812", "hdfc0001234", "sharma.caterers@okhdfcbank");

        // A planner may give bank details to a vendor that has none; the answer, raw, never carries them whole.
        var given = await planner.Client.PutJsonAsync($"/api/v1/vendors/{setup.Vendor.Id}", Caterer with { Bank = bank }, "\"1\"");
        var raw = await given.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.DoesNotContain("50100234567812", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("sharma.caterers@", raw, StringComparison.Ordinal);
        var masked = (await setup.Admin.GetAsync<VendorResponse>($"/api/v1/vendors/{setup.Vendor.Id}")).Bank!;
        Assert.Equal(("Sharma Caterers", "••••7812", "HDFC0001234", "sh•••@okhdfcbank"), (masked.AccountName, masked.Account, masked.Ifsc, masked.UpiId));
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            var stored = await db.Set<Vendor>().SingleAsync(v => v.Id == setup.Vendor.Id, Cancel);
            Assert.DoesNotContain("50100234567812", Encoding.Latin1.GetString(stored.Bank!), StringComparison.Ordinal);
        }

        // Only an admin changes them: a planner is refused and nothing changes.
        var refused = await (await planner.Client.PutJsonAsync($"/api/v1/vendors/{setup.Vendor.Id}", Caterer with { Bank = bank with { AccountNumber = "99999999999" } }, "*"))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Only an admin", refused.Detail, StringComparison.Ordinal);
        Assert.Equal("••••7812", (await setup.Admin.GetAsync<VendorResponse>($"/api/v1/vendors/{setup.Vendor.Id}")).Bank!.Account);
        // The same details sent again change nothing, and tell no one again.
        (await planner.Client.PutJsonAsync($"/api/v1/vendors/{setup.Vendor.Id}", Caterer with { Bank = bank }, "*")).EnsureSuccessStatusCode();
        var changed = await (await setup.Admin.PutJsonAsync($"/api/v1/vendors/{setup.Vendor.Id}", Caterer with { Bank = bank with { AccountNumber = "60100234560001" } }, "*"))
            .ReadAsync<VendorResponse>();
        Assert.Equal("••••0001", changed.Bank!.Account);

        var audit = await setup.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={setup.Vendor.Id}&pageSize=50");
        Assert.Equal(2, audit.Items.Count(a => a.Details?.Contains("bank", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(audit.Items, a => a.Details?.Contains("60100234560001", StringComparison.Ordinal) == true);
        var told = (await MessagesAsync(setup.Admin)).Where(m => m.TemplateKey == "vendor-bank-changed").ToList();
        // Two changes, each to both admins in the app, by push and by e-mail.
        Assert.Equal(2 * 2 * 3, told.Count);
        Assert.Equal(2 * 3, told.Count(m => m.Recipient == secondAdmin.Id.ToString() || m.Recipient == secondAdmin.Email));
        Assert.Contains(told, m => m.Channel == MessageChannel.Email && m.Body.Contains("••••0001", StringComparison.Ordinal) && m.Body.Contains("Admin", StringComparison.Ordinal));
        Assert.DoesNotContain(told, m => m.Body.Contains("60100234560001", StringComparison.Ordinal) || m.Body.Contains("50100234567812", StringComparison.Ordinal));

        // Those without financial:view never see them; coordinators have no vendor book at all, nor its rate cards.
        await (await coordinator.Client.GetAsync("/api/v1/vendors", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        var rateCard = await (await planner.Client.PostAsync($"/api/v1/files?ownerType=vendor&ownerId={setup.Vendor.Id}",
            new MultipartFormDataContent { { new ByteArrayContent("Thali ₹1,200, buffet ₹1,500\n"u8.ToArray()), "file", "rate-card.txt" } }, Cancel))
            .ReadAsync<FileResponse>(HttpStatusCode.Created);
        Assert.Single((await setup.Admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=vendor&ownerId={setup.Vendor.Id}")).Items);
        await (await coordinator.Client.GetAsync($"/api/v1/files/{rateCard.Id}/content", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.Client.PostAsync($"/api/v1/files?ownerType=vendor&ownerId={setup.Vendor.Id}",
            new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } }, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_booking_prices_its_quote_with_GST_and_the_headcount_and_puts_the_vendors_arrival_on_the_run_of_show()
    {
        var setup = await SetUpAsync();
        var booking = await BookAsync(setup, Dinner(setup));
        // 3 attending × ₹1,200 = ₹3,600 + 5% = ₹180; 2 × ₹25,000 = ₹50,000 + 18% = ₹9,000.
        Assert.Equal((3, 3_600_00L, 180_00L), (booking.Lines![0].Quantity, booking.Lines[0].TaxablePaise, booking.Lines[0].TaxPaise));
        Assert.Equal((53_600_00L, 9_180_00L, 62_780_00L, 62_780_00L, "Caterer"), (booking.TaxablePaise!.Value, booking.TaxPaise!.Value, booking.TotalPaise!.Value,
            booking.OutstandingPaise!.Value, booking.Category));
        Assert.Equal([InstalmentState.Due, InstalmentState.Due], booking.Schedule!.Select(i => i.State));

        var sangeet = await setup.Admin.GetAsync<EventResponse>($"/api/v1/events/{setup.Sangeet.Id}");
        var arrival = Assert.Single(sangeet.RunOfShow, i => i.OwnerVendorId == setup.Vendor.Id);
        Assert.Equal((new DateTime(2027, 2, 13, 16, 30, 0), "Sharma Caterers arrives (Sangeet dinner)", "Sharma Caterers"), (arrival.Start, arrival.Title, arrival.OwnerName));

        // The RSVPs move the quote: a fourth guest is a fourth plate.
        await AttendAsync(setup.Admin, setup.Wedding, setup.Household, setup.Sangeet, 4);
        Assert.Equal(64_040_00L, (await setup.Admin.GetAsync<BookingResponse>($"{setup.Bookings}/{booking.Id}")).TotalPaise);

        var bad = new (BookingRequest Request, string Field)[]
        {
            (Dinner(setup) with { Lines = [new QuoteLineRequest("Dinner", null, 1_200_00, true, 1700)] }, "lines[0].gstRateBasisPoints"),
            (Dinner(setup) with { EventId = null, ArrivalTime = null }, "lines[0].perGuest"),
            (Dinner(setup) with { Lines = [new QuoteLineRequest("Tent", 100_000, VendorLimits.MaxAmountPaise, null, 1800)] }, "lines[0].quantity"),
            (Dinner(setup) with { Lines = [new QuoteLineRequest("Dinner", null, VendorLimits.MaxPerGuestPaise + 1, true, 500)] }, "lines[0].unitPaise"),
            (Dinner(setup) with { Lines = [new QuoteLineRequest("Counters", 1, 10_000_00, null, 1800)] }, "schedule"),
            (Dinner(setup) with { Lines = [new QuoteLineRequest("Counters", 1, -5, null, 1800)] }, "Lines[0].UnitPaise"),
            (Dinner(setup) with { VendorId = Guid.CreateVersion7() }, "vendorId"),
            (Dinner(setup) with { EventId = Guid.CreateVersion7() }, "eventId"),
            (Dinner(setup) with { ArrivalTime = new DateTime(2027, 3, 1, 9, 0, 0) }, "arrivalTime"),
            (Dinner(setup) with { DayContactPhone = "not a phone" }, "dayContactPhone"),
        };
        foreach (var (request, field) in bad)
        {
            var problem = await (await setup.Admin.PostJsonAsync(setup.Bookings, request)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(problem.Errors!.Keys, k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Single((await setup.Admin.GetAsync<BookingListResponse>(setup.Bookings)).Items);
        Assert.Single((await setup.Admin.GetAsync<EventResponse>($"/api/v1/events/{setup.Sangeet.Id}")).RunOfShow, i => i.OwnerVendorId is not null);

        // The coordinator sees who comes and whom to call, never the money.
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{setup.Wedding.Id}", new WeddingRequest("Meera & Sahil", "Bride", "Groom", new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 200, null, [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]), "*")).EnsureSuccessStatusCode();
        var raw = await coordinator.Client.GetStringAsync(setup.Bookings, Cancel);
        Assert.DoesNotContain("6404000", raw, StringComparison.Ordinal);
        var seen = await coordinator.Client.GetAsync<BookingListResponse>(setup.Bookings);
        Assert.Equal((null, null, null, "+919829011111"), (seen.CommittedPaise, seen.Items[0].TotalPaise, seen.Items[0].Lines, seen.Items[0].DayContactPhone));
        var onTheDay = Assert.Single(await coordinator.Client.GetAsync<List<EventVendorResponse>>($"/api/v1/events/{setup.Sangeet.Id}/vendors"));
        Assert.Equal(("Sharma Caterers", new DateTime(2027, 2, 13, 16, 30, 0), ArrivalAnswer.Waiting), (onTheDay.VendorName, onTheDay.ArrivalTime, onTheDay.Arrival.Answer));

        // Cancelled, it owes nothing and leaves the run-of-show.
        var cancelled = await (await setup.Admin.PutJsonAsync($"{setup.Bookings}/{booking.Id}", Dinner(setup, BookingStatus.Cancelled), "*")).ReadAsync<BookingResponse>();
        Assert.Equal((0L, null), (cancelled.OutstandingPaise!.Value, cancelled.ArrivalTime));
        Assert.DoesNotContain((await setup.Admin.GetAsync<EventResponse>($"/api/v1/events/{setup.Sangeet.Id}")).RunOfShow, i => i.OwnerVendorId is not null);
        Assert.Empty(await coordinator.Client.GetAsync<List<EventVendorResponse>>($"/api/v1/events/{setup.Sangeet.Id}/vendors"));

        // A quote is not a debt: it counts in neither what is committed nor what is owed until the vendor is booked.
        var quoted = await BookAsync(setup, Dinner(setup, BookingStatus.Quoted) with { Service = "Breakfast" });
        var list = await setup.Admin.GetAsync<BookingListResponse>(setup.Bookings);
        Assert.Equal((64_040_00L, 0L, 0L, 0L), (quoted.TotalPaise!.Value, quoted.OutstandingPaise!.Value, list.CommittedPaise!.Value, list.OutstandingPaise!.Value));
    }

    [Fact]
    public async Task Payments_never_pay_a_booking_more_than_it_owes_even_when_recorded_at_the_same_moment()
    {
        var setup = await SetUpAsync();
        var booking = await BookAsync(setup, Dinner(setup));
        var payments = $"{setup.Bookings}/{booking.Id}/payments";
        var advance = new VendorPaymentRequest(Today.AddDays(-3), PaymentMode.Upi, "UTR 4521", 18_000_00, 2_000_00, null);
        (await setup.Admin.PostJsonAsync(payments, advance)).EnsureSuccessStatusCode();
        var after = await setup.Admin.GetAsync<BookingResponse>($"{setup.Bookings}/{booking.Id}");
        Assert.Equal((20_000_00L, 42_780_00L), (after.PaidPaise!.Value, after.OutstandingPaise!.Value));
        Assert.Equal([InstalmentState.Paid, InstalmentState.Due], after.Schedule!.Select(i => i.State));

        var bad = new (VendorPaymentRequest Request, string Field)[]
        {
            (advance with { AmountPaise = 42_780_01, TdsPaise = 0 }, "amountPaise"),
            (advance with { TdsPaise = 20_000_00 }, "tdsPaise"),
            (advance with { PaidOn = Today.AddDays(1) }, "paidOn"),
            (advance with { AmountPaise = 0 }, "AmountPaise"),
            (advance with { AmountPaise = -100 }, "AmountPaise"),
        };
        foreach (var (request, field) in bad)
        {
            var problem = await (await setup.Admin.PostJsonAsync(payments, request)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(problem.Errors!.Keys, k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
        }

        // Eight people record ₹15,000 at once: at most what is owed goes through, and the booking's sum is the payments'.
        var tries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => setup.Admin.PostJsonAsync(payments, advance with { AmountPaise = 15_000_00, TdsPaise = 0 })));
        Assert.All(tries, t => Assert.True(t.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{t.StatusCode}"));
        var recorded = await setup.Admin.GetAsync<List<VendorPaymentResponse>>(payments);
        var sum = recorded.Sum(p => p.AmountPaise + p.TdsPaise);
        var now = await setup.Admin.GetAsync<BookingResponse>($"{setup.Bookings}/{booking.Id}");
        Assert.Equal((sum, Math.Max(0, 62_780_00 - sum)), (now.PaidPaise!.Value, now.OutstandingPaise!.Value));
        Assert.InRange(sum, 20_000_00 + 15_000_00, 62_780_00);
        Assert.Equal(tries.Count(t => t.StatusCode == HttpStatusCode.Created) + 1, recorded.Count);

        // A planner may not remove a payment; an admin may; a booking with payments is cancelled, not deleted, and takes none.
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        await (await planner.Client.DeleteAsync($"{payments}/{recorded[^1].Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        (await setup.Admin.DeleteAsync($"{payments}/{recorded[^1].Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(sum - recorded[^1].AmountPaise, (await setup.Admin.GetAsync<BookingResponse>($"{setup.Bookings}/{booking.Id}")).PaidPaise);
        await (await setup.Admin.DeleteAsync($"{setup.Bookings}/{booking.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        (await setup.Admin.PutJsonAsync($"{setup.Bookings}/{booking.Id}", Dinner(setup, BookingStatus.Cancelled), "*")).EnsureSuccessStatusCode();
        var onCancelled = await (await setup.Admin.PostJsonAsync(payments, advance with { AmountPaise = 100, TdsPaise = 0 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cancelled", onCancelled.Errors!["booking"][0], StringComparison.Ordinal);
        var other = await (await NewStudioAsync()).AdminAsync();
        await (await other.GetAsync(payments, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync(payments, advance)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_vendor_confirms_or_proposes_an_arrival_from_their_day_link_and_sees_only_their_own_day()
    {
        var setup = await SetUpAsync();
        var booking = await BookAsync(setup, Dinner(setup));
        // The studio gave the vendor an item by name; an item of someone else, and the vendor's items at another event, are not theirs to see.
        async Task ItemAsync(Guid eventId, string title, string? owner, int hour) => (await setup.Admin.PostJsonAsync($"/api/v1/events/{eventId}/run-of-show",
            new RunOfShowItemRequest(new DateTime(2027, 2, 13, hour, 0, 0), 30, title, null, owner, "Lawn", "Staff only note", null, null, null))).EnsureSuccessStatusCode();
        await ItemAsync(setup.Sangeet.Id, "Dinner service opens", "sharma caterers", 20);
        await ItemAsync(setup.Sangeet.Id, "Sound check", "DJ Akbar", 18);
        var haldi = await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{setup.Wedding.Id}/events", new EventRequest(EventType.Haldi, "Haldi", new DateTime(2027, 2, 13, 9, 0, 0),
            new DateTime(2027, 2, 13, 12, 0, 0), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        await ItemAsync(haldi.Id, "Haldi breakfast", "Sharma Caterers", 10);

        var sent = await (await setup.Admin.PostJsonAsync($"{setup.Bookings}/{booking.Id}/day-link", new VendorDayLinkRequest(MessageChannel.Sms, null)))
            .ReadAsync<VendorDayLinkResponse>();
        var message = Assert.Single(await MessagesAsync(setup.Admin, setup.Wedding.Id), m => m.Id == sent.MessageId);
        Assert.Equal(("+919829011111", "vendor-day"), (message.Recipient, message.TemplateKey));
        Assert.Contains(sent.Url, message.Body, StringComparison.Ordinal);
        Assert.Contains("arrive by 4:30 pm", message.Body, StringComparison.Ordinal);

        var page = new Uri(sent.Url).AbsolutePath;
        using var browser = GuestIds.Browser(Server, setup.Studio);
        var shown = await ServerForms.TextAsync(await browser.GetAsync(page, Cancel));
        Assert.Contains("Sat 13 Feb, 4:30 pm", shown, StringComparison.Ordinal);
        Assert.Contains("Dinner service opens", shown, StringComparison.Ordinal);
        Assert.Contains("Sharma Caterers arrives", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Sound check", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Haldi breakfast", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff only note", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("25,000", shown, StringComparison.Ordinal);

        Assert.Contains("You confirmed this time", await ServerForms.TextAsync(await ServerForms.SubmitAsync(browser, page, "confirm", [])), StringComparison.Ordinal);
        var confirmed = Assert.Single(await setup.Admin.GetAsync<List<EventVendorResponse>>($"/api/v1/events/{setup.Sangeet.Id}/vendors"));
        Assert.Equal((ArrivalAnswer.Confirmed, MessageChannel.Sms), (confirmed.Arrival.Answer, confirmed.Arrival.LinkSentBy));

        var far = await ServerForms.TextAsync(await ServerForms.SubmitAsync(browser, page, "propose", new() { ["date"] = "2027-03-01", ["time"] = "09:00", ["note"] = "" }));
        Assert.Contains("within a day of the event", far, StringComparison.Ordinal);
        (await ServerForms.SubmitAsync(browser, page, "propose", new() { ["date"] = "2027-02-13", ["time"] = "17:15", ["note"] = "Truck enters after 5" })).EnsureSuccessStatusCode();
        var proposed = Assert.Single(await setup.Admin.GetAsync<List<EventVendorResponse>>($"/api/v1/events/{setup.Sangeet.Id}/vendors"));
        Assert.Equal((ArrivalAnswer.Proposed, new DateTime(2027, 2, 13, 17, 15, 0), "Truck enters after 5"), (proposed.Arrival.Answer, proposed.Arrival.ProposedTime, proposed.Arrival.Note));

        // A new link ends the old; revoking ends the new; a made-up token opens nothing either.
        var again = await (await setup.Admin.PostJsonAsync($"{setup.Bookings}/{booking.Id}/day-link", new VendorDayLinkRequest(MessageChannel.WhatsApp, "hi")))
            .ReadAsync<VendorDayLinkResponse>();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page, Cancel)).StatusCode);
        Assert.Contains("आपका कार्यक्रम", await ServerForms.TextAsync(await browser.GetAsync(new Uri(again.Url).PathAndQuery, Cancel)), StringComparison.Ordinal);
        (await setup.Admin.DeleteAsync($"{setup.Bookings}/{booking.Id}/day-link", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(again.Url).AbsolutePath, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/vendor-day/AAAAAAAAAAAAAAAAAAAAAA", Cancel)).StatusCode);

        // No link without what it is for: a contact's mobile, an event and a time.
        var noPhone = await BookAsync(setup, Dinner(setup) with { DayContactPhone = null, Service = "Chai counter" });
        await (await setup.Admin.PostJsonAsync($"{setup.Bookings}/{noPhone.Id}/day-link", new VendorDayLinkRequest(MessageChannel.Sms, null))).ProblemAsync(HttpStatusCode.Conflict);
        var email = await (await setup.Admin.PostJsonAsync($"{setup.Bookings}/{booking.Id}/day-link", new VendorDayLinkRequest(MessageChannel.Email, null)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("channel", email.Errors!.Keys);
        var other = await (await NewStudioAsync()).AdminAsync();
        await (await other.PostJsonAsync($"{setup.Bookings}/{booking.Id}/day-link", new VendorDayLinkRequest(MessageChannel.Sms, null))).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/events/{setup.Sangeet.Id}/vendors", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        // The wedding deleted, its bookings stay, without the day contacts' names and mobiles, and no link opens.
        var last = await (await setup.Admin.PostJsonAsync($"{setup.Bookings}/{booking.Id}/day-link", new VendorDayLinkRequest(MessageChannel.Sms, null)))
            .ReadAsync<VendorDayLinkResponse>();
        (await setup.Admin.DeleteAsync($"/api/v1/weddings/{setup.Wedding.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(last.Url).AbsolutePath, Cancel)).StatusCode);
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        var kept = await db.Set<VendorBooking>().Where(b => b.WeddingId == setup.Wedding.Id).ToListAsync(Cancel);
        Assert.Equal(2, kept.Count);
        Assert.All(kept, b => Assert.Equal((null, null, null), (b.DayContactName, b.DayContactPhone, b.DayLinkHash)));
    }

    [Fact]
    public async Task A_payment_falling_due_is_told_to_the_weddings_money_people_once_and_shown_on_their_dashboard()
    {
        var setup = await SetUpAsync();
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{setup.Wedding.Id}", new WeddingRequest("Meera & Sahil", "Bride", "Groom", new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 200, null, [new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]), "*"))
            .EnsureSuccessStatusCode();
        await BookAsync(setup, Dinner(setup) with
        {
            Schedule = [new InstalmentRequest(null, "Advance", InstalmentKind.Advance, Today.AddDays(2), 20_000_00),
                new InstalmentRequest(null, "Deposit", InstalmentKind.Other, Today.AddDays(-4), 5_000_00),
                new InstalmentRequest(null, "Balance", InstalmentKind.AfterEvent, Today.AddDays(30), 30_000_00)],
        });
        async Task RunAsync() => await ActivatorUtilities.CreateInstance<TenantJobRunner<DailyDutyJob, string>>(Server.Services)
            .RunAsync(setup.Studio.TenantId, null, typeof(VendorPaymentReminders).FullName!, Cancel);
        await RunAsync();
        await RunAsync();
        var reminders = (await MessagesAsync(setup.Admin, setup.Wedding.Id)).Where(m => m.TemplateKey == "vendor-payment-due").ToList();
        // Two instalments (the one due in two days, the overdue one) to the planner on the team, on three channels; not the coordinator, not the balance.
        Assert.Equal(2 * 3, reminders.Count);
        Assert.All(reminders, m => Assert.True(m.Recipient == planner.Id.ToString() || m.Recipient == planner.Email, m.Recipient));
        Assert.Contains(reminders, m => m.Channel == MessageChannel.Email && m.Subject == "₹20,000 to Sharma Caterers due " + VendorPaymentsDue.Due(Today.AddDays(2), Today));
        Assert.Contains(reminders, m => m.Body.Contains("Deposit of ₹5,000", StringComparison.Ordinal));

        var needs = (await planner.Client.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview")).NeedsYou.Where(n => n.Kind == AttentionKind.VendorPaymentDue).ToList();
        Assert.Equal([Today.AddDays(-4), Today.AddDays(2)], needs.Select(n => n.Due));
        Assert.StartsWith($"weddings/{setup.Wedding.Id}/vendors?booking=", needs[0].Link, StringComparison.Ordinal);
        Assert.DoesNotContain((await coordinator.Client.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview")).NeedsYou, n => n.Kind == AttentionKind.VendorPaymentDue);
    }
}

public sealed class VendorTestsOnSqlite(SqliteServer server) : VendorTests(server);

public sealed class VendorTestsOnPostgres(PostgresServer server) : VendorTests(server);
