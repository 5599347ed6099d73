using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.App.Features.Budget;
using WedTech.App.Features.Files;
using WedTech.App.Features.Vendors;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.VendorSamples;

namespace WedTech.App.Tests;

/// <summary>The vendors and budget clients hold the server's routes: each address as the API maps it, and each call sent with its verb and version.</summary>
public class VendorsApiTests : AppTestContext
{
    private static readonly Guid W = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid Id = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
    private static readonly Guid P = Guid.Parse("01938a00-0000-7000-8000-0000000000cc");

    public static TheoryData<string, string> Routes => new()
    {
        { VendorsApi.Routes.Vendors, "/api/v1/vendors" },
        { VendorsApi.Routes.Categories, "/api/v1/vendors/categories" },
        { VendorsApi.Routes.VendorPage(null, null, 1, 25), "/api/v1/vendors?page=1&pageSize=25" },
        { VendorsApi.Routes.VendorPage(" Sharma & Sons ", "Mehendi artist", 2, 100), "/api/v1/vendors?q=Sharma%20%26%20Sons&category=Mehendi%20artist&page=2&pageSize=100" },
        { VendorsApi.Routes.Vendor(Id), $"/api/v1/vendors/{Id}" },
        { VendorsApi.Routes.Bookings(W), $"/api/v1/weddings/{W}/bookings" },
        { VendorsApi.Routes.Booking(W, Id), $"/api/v1/weddings/{W}/bookings/{Id}" },
        { VendorsApi.Routes.Payments(W, Id), $"/api/v1/weddings/{W}/bookings/{Id}/payments" },
        { VendorsApi.Routes.Payment(W, Id, P), $"/api/v1/weddings/{W}/bookings/{Id}/payments/{P}" },
        { VendorsApi.Routes.DayLink(W, Id), $"/api/v1/weddings/{W}/bookings/{Id}/day-link" },
        { VendorsApi.Routes.EventVendors(Id), $"/api/v1/events/{Id}/vendors" },
        { BudgetApi.Routes.Budget(W), $"/api/v1/weddings/{W}/budget" },
        { BudgetApi.Routes.Settings(W), $"/api/v1/weddings/{W}/budget/settings" },
        { BudgetApi.Routes.Lines(W), $"/api/v1/weddings/{W}/budget/lines" },
        { BudgetApi.Routes.Line(W, Id), $"/api/v1/weddings/{W}/budget/lines/{Id}" },
        { BudgetApi.Routes.WhatIf(W), $"/api/v1/weddings/{W}/budget/what-if" },
        { BudgetApi.Routes.Shared(W), $"/api/v1/weddings/{W}/budget/shared" },
        { FilesApi.Routes.ListOf(FilesApi.Owners.Vendor, Id), $"/api/v1/files?ownerType=vendor&ownerId={Id}&pageSize=100" },
        { FilesApi.Routes.Of(FilesApi.Owners.Booking, Id), $"/api/v1/files?ownerType=booking&ownerId={Id}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    [Fact]
    public async Task Each_vendor_call_goes_with_its_verb_to_its_route_and_writes_carry_the_version_read()
    {
        var vendors = Services.GetRequiredService<VendorsApi>();
        var payment = new VendorPaymentResponse(P, Id, new DateOnly(2027, 1, 10), PaymentMode.Neft, "UTR123", 10000000, 0, null, "Test Planner", DateTimeOffset.UnixEpoch, 1);
        Api.Returns(VendorsApi.Routes.VendorPage("dal", "Caterer", 1, 100), new PagedResponse<VendorResponse>([Caterer()], 1, 100, 1));
        Api.Returns(VendorsApi.Routes.Categories, new VendorCategoriesResponse(["Caterer", "Ghodi"]));
        Api.Returns(VendorsApi.Routes.Vendor(Id), Caterer());
        Api.Returns(VendorsApi.Routes.Vendors, Caterer(), "POST");
        Api.Returns(VendorsApi.Routes.Vendor(Id), Caterer(), "PUT");
        Api.Returns(VendorsApi.Routes.Vendor(Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(VendorsApi.Routes.Bookings(W), Bookings());
        Api.Returns(VendorsApi.Routes.Booking(W, Id), Catering());
        Api.Returns(VendorsApi.Routes.Bookings(W), Catering(), "POST");
        Api.Returns(VendorsApi.Routes.Booking(W, Id), Catering(), "PUT");
        Api.Returns(VendorsApi.Routes.Booking(W, Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(VendorsApi.Routes.Payments(W, Id), new[] { payment });
        Api.Returns(VendorsApi.Routes.Payments(W, Id), payment, "POST");
        Api.Returns(VendorsApi.Routes.Payment(W, Id, P), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(VendorsApi.Routes.DayLink(W, Id), new VendorDayLinkResponse("https://app.example/v/abc", Guid.NewGuid()), "POST");
        Api.Returns(VendorsApi.Routes.DayLink(W, Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(VendorsApi.Routes.EventVendors(Id), new[]
        {
            new EventVendorResponse(Id, CatererId, "Sharma Caterers", "Dinner buffet", "Caterer", null, null, null, Waiting),
        });
        var vendorRequest = new VendorRequest("Sharma Caterers", ["Caterer"], null, null, null, null, null, null, null, 4, null);
        var bookingRequest = new BookingRequest(CatererId, null, "Dinner buffet", null, BookingStatus.Enquiry, [], null, null, null, null, null);

        (await vendors.VendorsAsync("dal", "Caterer")).Value!.Items.Single().Name.ShouldBe("Sharma Caterers");
        (await vendors.CategoriesAsync()).Value!.Categories.ShouldContain("Ghodi");
        (await vendors.VendorAsync(Id)).Value!.Bank!.Account.ShouldBe("••••5678");
        await vendors.AddVendorAsync(vendorRequest);
        await vendors.UpdateVendorAsync(Id, vendorRequest, "\"3\"");
        await vendors.DeleteVendorAsync(Id, "\"4\"");
        (await vendors.BookingsAsync(W)).Value!.CommittedPaise.ShouldBe(31500000);
        await vendors.BookingAsync(W, Id);
        await vendors.AddBookingAsync(W, bookingRequest);
        await vendors.UpdateBookingAsync(W, Id, bookingRequest, "\"5\"");
        await vendors.DeleteBookingAsync(W, Id, "\"6\"");
        (await vendors.PaymentsAsync(W, Id)).Single().Reference.ShouldBe("UTR123");
        await vendors.RecordPaymentAsync(W, Id, new VendorPaymentRequest(new DateOnly(2027, 1, 10), PaymentMode.Neft, "UTR123", 10000000, 100000, null));
        await vendors.DeletePaymentAsync(W, Id, P, "\"1\"");
        (await vendors.SendDayLinkAsync(W, Id, new VendorDayLinkRequest(MessageChannel.Sms, "hi"))).Url.ShouldBe("https://app.example/v/abc");
        await vendors.RevokeDayLinkAsync(W, Id);
        (await vendors.EventVendorsAsync(Id)).Value!.Single().VendorName.ShouldBe("Sharma Caterers");

        Sent().ShouldBe(
        [
            "GET /api/v1/vendors?q=dal&category=Caterer&page=1&pageSize=100",
            "GET /api/v1/vendors/categories",
            $"GET /api/v1/vendors/{Id}",
            "POST /api/v1/vendors",
            $"PUT /api/v1/vendors/{Id} \"3\"",
            $"DELETE /api/v1/vendors/{Id} \"4\"",
            $"GET /api/v1/weddings/{W}/bookings",
            $"GET /api/v1/weddings/{W}/bookings/{Id}",
            $"POST /api/v1/weddings/{W}/bookings",
            $"PUT /api/v1/weddings/{W}/bookings/{Id} \"5\"",
            $"DELETE /api/v1/weddings/{W}/bookings/{Id} \"6\"",
            $"GET /api/v1/weddings/{W}/bookings/{Id}/payments",
            $"POST /api/v1/weddings/{W}/bookings/{Id}/payments",
            $"DELETE /api/v1/weddings/{W}/bookings/{Id}/payments/{P} \"1\"",
            $"POST /api/v1/weddings/{W}/bookings/{Id}/day-link",
            $"DELETE /api/v1/weddings/{W}/bookings/{Id}/day-link",
            $"GET /api/v1/events/{Id}/vendors",
        ]);
        var bodies = Api.RequestBodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        bodies[0].GetProperty("rating").GetInt32().ShouldBe(4);
        bodies[2].GetProperty("status").GetString().ShouldBe(ApiJson.EnumName(BookingStatus.Enquiry));
        bodies[4].GetProperty("tdsPaise").GetInt64().ShouldBe(100000);
        bodies[4].GetProperty("mode").GetString().ShouldBe(ApiJson.EnumName(PaymentMode.Neft));
        bodies[5].GetProperty("channel").GetString().ShouldBe(ApiJson.EnumName(MessageChannel.Sms));
        bodies[5].GetProperty("language").GetString().ShouldBe("hi");
    }

    [Fact]
    public async Task Each_budget_call_goes_with_its_verb_to_its_route_and_writes_carry_the_version_read()
    {
        var budget = Services.GetRequiredService<BudgetApi>();
        var line = Budget().Lines[0];
        Api.Returns(BudgetApi.Routes.Budget(W), Budget());
        Api.Returns(BudgetApi.Routes.Settings(W), Budget(), "PUT");
        Api.Returns(BudgetApi.Routes.Lines(W), line, "POST");
        Api.Returns(BudgetApi.Routes.Line(W, Id), line, "PUT");
        Api.Returns(BudgetApi.Routes.Line(W, Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(BudgetApi.Routes.WhatIf(W), Budget(isWhatIf: true), "POST");
        Api.Returns(BudgetApi.Routes.Shared(W), new SharedBudgetResponse(W, false, [], null, 0));
        var lineRequest = new BudgetLineRequest("Favours", "Welcome kits", null, SangeetId, 15000, true, null);

        (await budget.BudgetAsync(W)).Value!.Totals.FeePaise.ShouldBe(5000000);
        await budget.SaveSettingsAsync(W, new BudgetSettingsRequest(FeeModel.PercentOfSpend, null, 1000, true), "\"5\"");
        await budget.AddLineAsync(W, lineRequest);
        await budget.UpdateLineAsync(W, Id, lineRequest, "\"2\"");
        await budget.DeleteLineAsync(W, Id, "\"3\"");
        (await budget.WhatIfAsync(W, new BudgetWhatIfRequest([new WhatIfHeadcount(SangeetId, 300)], null, null, null), Cancel)).IsWhatIf.ShouldBeTrue();
        (await budget.SharedAsync(W)).Value!.Shared.ShouldBeFalse();

        Sent().ShouldBe(
        [
            $"GET /api/v1/weddings/{W}/budget",
            $"PUT /api/v1/weddings/{W}/budget/settings \"5\"",
            $"POST /api/v1/weddings/{W}/budget/lines",
            $"PUT /api/v1/weddings/{W}/budget/lines/{Id} \"2\"",
            $"DELETE /api/v1/weddings/{W}/budget/lines/{Id} \"3\"",
            $"POST /api/v1/weddings/{W}/budget/what-if",
            $"GET /api/v1/weddings/{W}/budget/shared",
        ]);
        var bodies = Api.RequestBodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        bodies[0].GetProperty("feeModel").GetString().ShouldBe(ApiJson.EnumName(FeeModel.PercentOfSpend));
        bodies[0].GetProperty("feeBasisPoints").GetInt32().ShouldBe(1000);
        bodies[1].GetProperty("perGuestPaise").GetInt64().ShouldBe(15000);
        bodies[3].GetProperty("headcounts")[0].GetProperty("guests").GetInt32().ShouldBe(300);
    }

    [Theory]
    [InlineData(WeddingChange.VendorsChanged, true, true)]
    [InlineData(WeddingChange.BudgetChanged, false, true)]
    [InlineData(WeddingChange.GuestsChanged, false, true)]
    [InlineData(WeddingChange.TravelChanged, false, false)]
    public void The_bookings_follow_their_own_changes_and_the_budget_also_follows_its_lines_and_the_RSVPs(string change, bool bookings, bool budget)
    {
        var message = new WeddingChangedMessage(W, change, 1);
        (VendorsApi.ChangesBookings(message), BudgetApi.ChangesBudget(message)).ShouldBe((bookings, budget));
    }

    private List<string> Sent() =>
        [.. Api.Requests.Select(r => $"{r.Method} {r.RequestUri!.PathAndQuery} {r.Headers.IfMatch.SingleOrDefault()?.Tag}".TrimEnd())];
}
