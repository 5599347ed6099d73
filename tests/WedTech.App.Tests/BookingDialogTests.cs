using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Events;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Vendors;
using WedTech.App.Features.Vendors.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.VendorSamples;

namespace WedTech.App.Tests;

public class BookingDialogTests : AppTestContext
{
    private static EventHeadcount Coming(EventResponse e, int attending) => new(e.Id, e.Name, e.Start, 80, attending + 20, attending, 10, 10, [], [], []);

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(BookingResponse? booking, int sangeetComing = 300)
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventsApi.Routes.Schedule(WeddingId), Schedule(Mehendi, Sangeet));
        Api.Returns(GuestsApi.Routes.Headcounts(WeddingId), new HeadcountsResponse(WeddingId, 80, 400, [Coming(Mehendi, 120), Coming(Sangeet, sangeetComing)]));
        Api.Returns(VendorsApi.Routes.Categories, new VendorCategoriesResponse([.. VendorLimits.Categories, "Ghodi"]));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<BookingDialog> { { d => d.WeddingId, WeddingId }, { d => d.Booking, booking } };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<BookingDialog>("Booking", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=booking-form]"));
        return (dialogs, reference.Result);
    }

    [Fact]
    public async Task A_per_guest_line_counts_the_events_attending_guests_and_GST_is_added_per_line_as_you_type()
    {
        var (dialogs, result) = await OpenAsync(Catering(), sangeetComing: 300);

        // The quote said 250 guests; 300 are coming now: ₹1,200 × 300 = ₹3,60,000, GST 5% ₹18,000.
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=line-guests]").TextContent.ShouldBe("× 300 guests"));
        dialogs.Find("[data-test=quote-total]").TextContent.ShouldBe("₹3,78,000");

        dialogs.Find("#line-unit-0").Input("1000");
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=quote-total]").TextContent.ShouldBe("₹3,15,000"));

        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-line]").Click());
        dialogs.Find("#line-description-1").Change("Live counters");
        dialogs.Find("#line-qty-1").Input("2");
        dialogs.Find("#line-unit-1").Input("999.99");

        // 2 × ₹999.99 = ₹1,999.98; GST 18% ₹359.9964 rounds to ₹360.
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-test=line-total]")[1].TextContent.ShouldContain("₹2,359.98"));
        dialogs.Find("[data-test=quote-taxable]").TextContent.ShouldBe("₹3,01,999.98");
        dialogs.Find("[data-test=quote-tax]").TextContent.ShouldBe("₹15,360");
        dialogs.Find("[data-test=quote-total]").TextContent.ShouldBe("₹3,17,359.98");

        Api.Returns(VendorsApi.Routes.Booking(WeddingId, CateringBookingId), Catering() with { Version = 5 }, "PUT");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-booking]").Click());

        (await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel))!.Data.ShouldBeOfType<BookingResponse>().Version.ShouldBe(5);
        var put = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        put.Headers.IfMatch.Single().Tag.ShouldBe("\"4\"");
        var lines = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement.GetProperty("lines");
        lines[0].GetProperty("perGuest").GetBoolean().ShouldBeTrue();
        lines[0].GetProperty("unitPaise").GetInt64().ShouldBe(100000);
        lines[0].GetProperty("gstRateBasisPoints").GetInt32().ShouldBe(500);
        (lines[0].TryGetProperty("quantity", out var quantity) ? quantity.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        lines[1].GetProperty("quantity").GetInt32().ShouldBe(2);
        lines[1].GetProperty("unitPaise").GetInt64().ShouldBe(99999);
        lines[1].GetProperty("gstRateBasisPoints").GetInt32().ShouldBe(1800);
    }

    [Fact]
    public async Task A_per_guest_line_without_an_event_is_refused_before_anything_is_sent()
    {
        var (dialogs, _) = await OpenAsync(null);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-line]").Click());
        dialogs.Find("#line-description-0").Change("Favours");
        dialogs.Find("#line-unit-0").Input("150");
        dialogs.Find("input[data-test=line-per-guest-0]").Change(true);
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=line-guests]").TextContent.ShouldBe("× guests of the event"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-booking]").Click());

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("A per-guest price needs the event whose guests it counts"));
        dialogs.Markup.ShouldContain("Choose the vendor from the vendor book.");
        Api.Requests.ShouldNotContain(r => r.Method != HttpMethod.Get);
    }

    [Fact]
    public async Task A_planner_changing_an_amount_already_saved_sees_the_servers_refusal_as_it_is()
    {
        var (dialogs, result) = await OpenAsync(Catering());
        Api.ReturnsProblem(VendorsApi.Routes.Booking(WeddingId, CateringBookingId), HttpStatusCode.Forbidden, "Needs financial:edit",
            new Dictionary<string, string[]> { ["lines[0].unitPaise"] = ["Only an admin can change a saved price."] }, "PUT",
            "Changing the quote's prices needs financial:edit: ask an admin.");

        dialogs.WaitForAssertion(() => dialogs.Find("#line-unit-0"));
        dialogs.Find("#line-unit-0").Input("1000");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-booking]").Click());

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=problem]").TextContent.ShouldContain("Changing the quote's prices needs financial:edit: ask an admin."));
        dialogs.Markup.ShouldContain("Only an admin can change a saved price.");
        result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task The_schedule_may_not_add_up_to_more_than_the_quote()
    {
        var (dialogs, _) = await OpenAsync(Decor());

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=quote-total]").TextContent.ShouldBe("₹2,95,000"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-instalment]").Click());
        dialogs.Find("#instalment-due-0").Change("10/01/2027");
        dialogs.Find("#instalment-amount-0").Input("300000");
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=schedule-sum]").TextContent.ShouldContain("₹5,000 more than the quote"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-booking]").Click());

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=schedule-error]").TextContent.ShouldBe("The instalments add up to ₹3,00,000, more than the quote's ₹2,95,000."));
        Api.Requests.ShouldNotContain(r => r.Method != HttpMethod.Get);
    }
}
