using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Vendors;
using WedTech.App.Features.Vendors.Components;
using WedTech.App.Features.Vendors.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.VendorSamples;

namespace WedTech.App.Tests;

public class WeddingVendorsTests : AppTestContext
{
    [Fact]
    public async Task The_planner_sees_each_category_with_its_bookings_money_and_actions()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(VendorsApi.Routes.Bookings(WeddingId), Bookings());

        var page = Render<WeddingVendors>(p => p.Add(c => c.Id, WeddingId));

        page.WaitForElement("[data-test=booking]");
        page.FindAll("[data-test=booking-category]").Select(c => c.TextContent).ShouldBe(["Caterer", "Decorator"]);
        page.Find("[data-test=committed]").TextContent.ShouldBe("₹3,15,000");
        page.Find("[data-test=outstanding]").TextContent.ShouldBe("₹2,15,000");
        var catering = page.Find($"[data-booking='{CateringBookingId}']");
        catering.QuerySelector("[data-test=booking-status]")!.TextContent.ShouldBe("Booked");
        catering.QuerySelector("[data-test=booking-total]")!.TextContent.ShouldBe("₹3,15,000");
        catering.QuerySelector("[data-test=booking-paid]")!.TextContent.ShouldBe("₹1,00,000");
        catering.QuerySelector("[data-test=booking-outstanding]")!.TextContent.ShouldBe("₹2,15,000");
        catering.QuerySelector("[data-test=booking-answer]")!.TextContent.ShouldBe("Proposed 17:30 “after the baraat”");
        page.FindAll("[data-test=add-booking]").Count.ShouldBe(1);
        page.FindAll("[data-test=edit-booking]").Count.ShouldBe(2);
        page.FindAll("[data-test=open-payments]").Count.ShouldBe(2);
        page.FindAll("[data-test=open-day-link]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_coordinator_sees_who_comes_and_whom_to_call_without_money_or_changes()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(VendorsApi.Routes.Bookings(WeddingId), Bookings(money: false));

        var page = Render<WeddingVendors>(p => p.Add(c => c.Id, WeddingId));

        page.WaitForElement("[data-test=booking]");
        page.FindAll("[data-test=wedding-money]").ShouldBeEmpty();
        page.FindAll("[data-test=booking-money]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("₹");
        foreach (var action in new[] { "add-booking", "edit-booking", "open-payments", "open-day-link", "open-contract", "delete-booking", "open-budget" })
        {
            page.FindAll($"[data-test={action}]").ShouldBeEmpty(action);
        }
        page.Find($"[data-booking='{CateringBookingId}'] a[href^='tel:']").GetAttribute("href").ShouldBe("tel:+919812345678");
    }

    [Fact]
    public async Task A_payment_recorded_reloads_the_bookings_and_an_overpayment_is_refused_in_the_servers_words()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        Api.Returns(VendorsApi.Routes.Bookings(WeddingId), Bookings());
        Api.Returns(VendorsApi.Routes.Payments(WeddingId, CateringBookingId), Array.Empty<VendorPaymentResponse>());
        Api.ReturnsProblem(VendorsApi.Routes.Payments(WeddingId, CateringBookingId), HttpStatusCode.UnprocessableEntity, "More than the booking's total",
            new Dictionary<string, string[]> { ["amountPaise"] = ["Sharma Caterers are owed ₹2,15,000; this pays ₹2,20,000."] }, "POST");
        var page = Render<WeddingVendors>(p => p.Add(c => c.Id, WeddingId));
        page.WaitForElement("[data-test=booking]");

        await page.InvokeAsync(() => page.Find($"[data-booking='{CateringBookingId}'] [data-test=open-payments]").Click());
        page.WaitForElement("[data-test=no-payments]");
        page.Find("[data-test=payments] [data-test=schedule]").TextContent.ShouldContain("Advance");
        await page.InvokeAsync(() => page.Find("[data-test=record-payment]").Click());
        page.Find("#payment-amount").GetAttribute("value").ShouldBe("215000");
        page.Find("#payment-amount").Change("220000");
        await page.InvokeAsync(() => page.Find("[data-test=save-payment]").Click());

        page.WaitForAssertion(() => page.Find("[data-test=payment-form]").TextContent.ShouldContain("Sharma Caterers are owed ₹2,15,000; this pays ₹2,20,000."));
        JsonDocument.Parse(Api.RequestBodies.Single()).RootElement.GetProperty("amountPaise").GetInt64().ShouldBe(22000000);

        var payment = new VendorPaymentResponse(Guid.NewGuid(), CateringBookingId, new DateOnly(2027, 1, 20), PaymentMode.Upi, null, 21500000, 0, null, "Test Planner",
            DateTimeOffset.UnixEpoch, 1);
        Api.Returns(VendorsApi.Routes.Payments(WeddingId, CateringBookingId), payment, "POST");
        page.Find("#payment-amount").Change("215000");
        await page.InvokeAsync(() => page.Find("[data-test=save-payment]").Click());

        page.WaitForAssertion(() => page.FindAll("[data-test=payment-form]").ShouldBeEmpty());
        Api.Requests.Count(r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == VendorsApi.Routes.Bookings(WeddingId)).ShouldBe(2);
    }

    [Fact]
    public async Task The_day_link_goes_by_the_channel_and_language_chosen_and_can_be_revoked()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Api.Returns(VendorsApi.Routes.Bookings(WeddingId), Bookings());
        Api.Returns(VendorsApi.Routes.DayLink(WeddingId, CateringBookingId), new VendorDayLinkResponse("https://app.example/v/abc", Guid.NewGuid()), "POST");
        var page = Render<WeddingVendors>(p => p.Add(c => c.Id, WeddingId));
        page.WaitForElement("[data-test=booking]");

        await page.InvokeAsync(() => page.Find($"[data-booking='{CateringBookingId}'] [data-test=open-day-link]").Click());
        page.Find("[data-test=day-link-sent]").TextContent.ShouldContain("by WhatsApp");
        await page.InvokeAsync(() => page.Find("[data-test=send-day-link]").Click());

        page.WaitForAssertion(() => page.Find("[data-test=day-link-result]").TextContent.ShouldStartWith("The day link goes to Rakesh by WhatsApp."));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        (body.GetProperty("channel").GetString(), body.GetProperty("language").GetString()).ShouldBe((ApiJson.EnumName(MessageChannel.WhatsApp), "en"));
        page.FindAll("[data-test=revoke-day-link]").Count.ShouldBe(1);

        await page.InvokeAsync(() => page.Find($"[data-booking='{DecorBookingId}'] [data-test=open-day-link]").Click());
        page.WaitForAssertion(() => page.Find("[data-test=day-link-missing]").TextContent.ShouldStartWith(
            "Change the booking first: it needs an event, an arrival time, and a day contact's mobile."));
        page.FindAll("[data-test=send-day-link]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_vendors_answer_arriving_live_shows_without_reloading_the_page()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(VendorsApi.Routes.Bookings(WeddingId), Bookings(money: false));
        var page = Render<WeddingVendors>(p => p.Add(c => c.Id, WeddingId));
        page.WaitForElement("[data-test=booking-answer]");

        var confirmed = Catering(false) with { Arrival = new VendorArrival(ArrivalAnswer.Confirmed, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, MessageChannel.Sms) };
        Api.Returns(VendorsApi.Routes.Bookings(WeddingId), new BookingListResponse([confirmed, Decor(false)], null, null, null));
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.VendorsChanged, 9, SangeetId, CateringBookingId));

        page.WaitForAssertion(() => page.Find("[data-test=booking-answer]").TextContent.ShouldBe("Confirmed ✓"));
    }
}

public class VendorsTodayCardTests : AppTestContext
{
    private static EventVendorResponse OnTheDay(string name, string category, DateTime? arrival, VendorArrival answer, string? contact = null, string? phone = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, "For the sangeet", category, arrival, contact, phone, answer);

    [Fact]
    public async Task The_coordinator_sees_each_vendor_by_arrival_with_a_tap_to_call_and_their_answer()
    {
        await SignInAsAsync(Role.Coordinator);
        var sent = DateTimeOffset.UnixEpoch;
        Api.Returns(VendorsApi.Routes.EventVendors(SangeetId), new[]
        {
            OnTheDay("Dhol Brothers", "Dhol", null, Waiting),
            OnTheDay("Sharma Caterers", "Caterer", new DateTime(2027, 2, 13, 16, 30, 0),
                new VendorArrival(ArrivalAnswer.Proposed, new DateTime(2027, 2, 13, 17, 30, 0), "after the baraat", sent, sent, MessageChannel.WhatsApp), "Rakesh", "+91 98123 45678"),
            OnTheDay("Phoolwala Decor", "Decorator", new DateTime(2027, 2, 13, 12, 0, 0),
                new VendorArrival(ArrivalAnswer.Confirmed, null, null, sent, sent, MessageChannel.Sms), "Imran", "+919900112233"),
            OnTheDay("DJ Sunny", "DJ", new DateTime(2027, 2, 13, 18, 0, 0), new VendorArrival(ArrivalAnswer.Waiting, null, null, null, sent, MessageChannel.Sms)),
        });

        var card = Render<VendorsTodayCard>(p => p.Add(c => c.WeddingId, WeddingId).Add(c => c.EventId, SangeetId));

        card.WaitForElement("[data-test=vendor-today]");
        card.FindAll("[data-test=vendor-arrival]").Select(a => a.TextContent).ShouldBe(["12:00", "16:30", "18:00", "Time not set"]);
        card.FindAll("[data-test=vendor-answer]").Select(a => a.TextContent).ShouldBe(
            ["Confirmed ✓", "Proposed 17:30 “after the baraat”", "Waiting for the answer", "Not asked yet"]);
        var calls = card.FindAll("[data-test=vendor-call]");
        calls.Select(c => c.GetAttribute("href")).ShouldBe(["tel:+919900112233", "tel:+919812345678"]);
        calls[1].TextContent.Trim().ShouldBe("Rakesh");
        card.Markup.ShouldNotContain("₹");
        card.Find("[data-test=open-vendors]").GetAttribute("href").ShouldBe($"weddings/{WeddingId}/vendors");
    }

    [Fact]
    public async Task It_follows_changes_to_this_events_vendors_and_not_to_another_events()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(VendorsApi.Routes.EventVendors(SangeetId), Array.Empty<EventVendorResponse>());
        var card = Render<VendorsTodayCard>(p => p.Add(c => c.WeddingId, WeddingId).Add(c => c.EventId, SangeetId));
        card.WaitForElement("[data-test=no-vendors-today]");
        var live = Services.GetRequiredService<LiveUpdates>();

        live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.VendorsChanged, 3, MehendiId, Guid.NewGuid()));
        Api.Returns(VendorsApi.Routes.EventVendors(SangeetId), new[] { OnTheDay("DJ Sunny", "DJ", null, Waiting) });
        live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.VendorsChanged, 4, SangeetId, Guid.NewGuid()));

        card.WaitForElement("[data-test=vendor-today]");
        Api.Requests.Count(r => r.RequestUri!.AbsolutePath == VendorsApi.Routes.EventVendors(SangeetId)).ShouldBe(2);
    }
}
