using System.Text.Json;
using Bunit;
using Shouldly;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Guests.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class RsvpSettingsTests : AppTestContext
{
    private static GuestListSettingsResponse Settings(DateOnly? deadline, string? contact, long version, bool collectIds = false) =>
        new(WeddingId, deadline, contact, collectIds, version);

    private IRenderedComponent<RsvpSettings> RenderSettings() => Render<RsvpSettings>(p => p.Add(s => s.WeddingId, WeddingId));

    [Fact]
    public async Task The_settings_are_one_line_until_a_planner_changes_them_and_saving_sends_the_version_read()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(GuestsApi.Routes.Settings(WeddingId), Settings(new DateOnly(2027, 11, 1), "Neha, +91 98765 43210", 3));
        Api.Returns(GuestsApi.Routes.Settings(WeddingId), Settings(new DateOnly(2027, 11, 1), "Asha, +91 99887 76655", 4), "PUT");

        var settings = RenderSettings();
        settings.WaitForAssertion(() => settings.Find("[data-test=rsvp-deadline]").TextContent.ShouldContain("Guests answer until"));
        settings.Find("[data-test=rsvp-deadline]").TextContent.ShouldContain("Their contact: Neha, +91 98765 43210");
        settings.FindAll("#rsvp-contact").ShouldBeEmpty();

        settings.Find("[data-test=change-rsvp-settings]").Click();
        settings.Find("#rsvp-contact").Change("Asha, +91 99887 76655");
        settings.Find("[data-test=save-rsvp-settings]").Click();

        settings.WaitForAssertion(() => settings.Find("[data-test=rsvp-deadline]").TextContent.ShouldContain("Their contact: Asha, +91 99887 76655"));
        settings.FindAll("#rsvp-contact").ShouldBeEmpty();
        var put = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        put.Headers.IfMatch.ShouldHaveSingleItem().Tag.ShouldBe("\"3\"");
        var body = JsonDocument.Parse(Api.RequestBodies[^1]).RootElement;
        body.GetProperty("studioContact").GetString().ShouldBe("Asha, +91 99887 76655");
        body.GetProperty("rsvpDeadline").GetString().ShouldBe("2027-11-01");
    }

    [Fact]
    public async Task A_planner_turns_on_asking_guests_for_IDs_and_the_line_says_so()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(GuestsApi.Routes.Settings(WeddingId), Settings(null, null, 1));
        Api.Returns(GuestsApi.Routes.Settings(WeddingId), Settings(null, null, 2, collectIds: true), "PUT");

        var settings = RenderSettings();
        settings.WaitForAssertion(() => settings.FindAll("[data-test=collecting-ids]").ShouldBeEmpty());
        settings.Find("[data-test=change-rsvp-settings]").Click();
        settings.Find(".mud-switch input").Change(true);
        settings.Find("[data-test=save-rsvp-settings]").Click();

        settings.WaitForAssertion(() => settings.Find("[data-test=collecting-ids]").TextContent.ShouldContain("Guests are asked for an ID for the hotel."));
        JsonDocument.Parse(Api.RequestBodies[^1]).RootElement.GetProperty("collectIds").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Cancel_puts_back_what_was_saved_and_sends_nothing()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(GuestsApi.Routes.Settings(WeddingId), Settings(null, null, 1));

        var settings = RenderSettings();
        settings.WaitForAssertion(() => settings.Find("[data-test=change-rsvp-settings]").TextContent.ShouldBe("Set a deadline"));
        settings.Find("[data-test=rsvp-deadline]").TextContent.ShouldContain("No RSVP deadline yet");
        settings.Find("[data-test=change-rsvp-settings]").Click();
        settings.Find("#rsvp-contact").Change("Typed, then thought better of");
        settings.Find("[data-test=cancel-rsvp-settings]").Click();

        settings.Find("[data-test=rsvp-deadline]").TextContent.ShouldNotContain("Typed");
        settings.Find("[data-test=change-rsvp-settings]").Click();
        settings.Find("#rsvp-contact").GetAttribute("value").ShouldBeNullOrEmpty();
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public async Task A_coordinator_reads_the_deadline_and_is_offered_no_change()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(GuestsApi.Routes.Settings(WeddingId), Settings(new DateOnly(2027, 11, 1), null, 2));

        var settings = RenderSettings();

        settings.WaitForAssertion(() => settings.Find("[data-test=rsvp-deadline]").TextContent.ShouldContain("Guests answer until"));
        settings.FindAll("[data-test=change-rsvp-settings]").ShouldBeEmpty();
    }
}
