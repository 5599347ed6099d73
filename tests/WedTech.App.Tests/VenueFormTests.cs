using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Venues.Components;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class VenueFormTests : AppTestContext
{
    private static readonly ApiProblemException FieldErrors = new(400, "One or more validation errors occurred.", null, new Dictionary<string, string[]>
    {
        ["stateCode"] = ["Choose one of India's GST state codes, like 27 for Maharashtra."],
        ["mapUrl"] = ["Give an https link."],
        ["timeZone"] = ["Use an IANA time zone, like Asia/Kolkata or Asia/Dubai."],
        ["contacts[1].phone"] = ["This is not a phone number."],
        ["contacts[0].email"] = ["This e-mail address cannot receive mail."],
    });

    private List<VenueFormModel> Submitted { get; } = [];

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<VenueForm> RenderForm(VenueFormModel? model = null, ApiProblemException? problem = null)
    {
        // Selects render their lists into the popover provider, as MainLayout has one.
        _popovers ??= Render<MudPopoverProvider>();
        return Render<VenueForm>(parameters => parameters
            .Add(f => f.Model, model ?? new VenueFormModel())
            .Add(f => f.DraftKey, "venue:new")
            .Add(f => f.OnSubmit, (VenueFormModel m) => Submitted.Add(m))
            .Add(f => f.Problem, problem));
    }

    private static VenueFormModel TwoContacts() => new()
    {
        Name = "Rambagh Palace",
        City = "Jaipur",
        StateCode = "08",
        Contacts =
        [
            new VenueContactModel { Name = "Sunita", Role = "Banquet manager", Email = "sunita@rambagh.example" },
            new VenueContactModel { Name = "Gopal", Phone = "12345" },
        ],
    };

    private static IElement FieldOf(IRenderedComponent<VenueForm> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control") ?? throw new InvalidOperationException($"#{inputId} is not inside an input control.");

    private static string? ErrorOf(IRenderedComponent<VenueForm> form, string inputId) =>
        FieldOf(form, inputId).QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    [Fact]
    public async Task Field_errors_from_the_API_appear_at_their_fields_and_a_contacts_at_its_own_row()
    {
        await SignInAsAsync(Role.Planner);

        var form = RenderForm(TwoContacts(), FieldErrors);

        form.WaitForAssertion(() => ErrorOf(form, "venue-map").ShouldBe("Give an https link."));
        ErrorOf(form, "venue-state").ShouldBe("Choose one of India's GST state codes, like 27 for Maharashtra.");
        ErrorOf(form, "venue-timezone").ShouldBe("Use an IANA time zone, like Asia/Kolkata or Asia/Dubai.");
        ErrorOf(form, "contact-phone-1").ShouldBe("This is not a phone number.");
        ErrorOf(form, "contact-email-0").ShouldBe("This e-mail address cannot receive mail.");
        form.Find("#contact-phone-1").GetAttribute("aria-invalid").ShouldBe("true");
        // The other row's fields, and the fields nobody complained about, stay clean.
        foreach (var field in new[] { "contact-phone-0", "contact-email-1", "contact-name-0", "contact-name-1", "venue-name", "venue-city", "venue-capacity", "venue-notes", "venue-address" })
        {
            ErrorOf(form, field).ShouldBeNull(field);
        }
        // The API's title already ends its sentence: no second full stop.
        form.Find("[data-test='problem']").TextContent.Trim().ShouldBe("One or more validation errors occurred. Some fields need attention.");
    }

    [Fact]
    public async Task The_state_picker_lists_every_state_with_its_GST_code_and_keeps_the_code()
    {
        await SignInAsAsync(Role.Planner);
        var model = new VenueFormModel { Name = "Taj Lands End", City = "Mumbai" };
        var form = RenderForm(model);

        form.Find("#venue-state").Closest(".mud-select")!.MouseDown();

        var items = _popovers!.WaitForElements(".mud-list-item");
        items.Count.ShouldBe(IndianStates.ByCode.Count);
        var texts = items.Select(i => i.TextContent.Trim()).ToList();
        texts.ShouldContain(t => t.StartsWith("Maharashtra", StringComparison.Ordinal) && t.EndsWith("27", StringComparison.Ordinal));
        texts.ShouldBe(texts.Order(StringComparer.Ordinal).ToList(), "listed by name");
        items.Single(i => i.TextContent.Trim().StartsWith("Maharashtra", StringComparison.Ordinal)).Click();

        form.WaitForAssertion(() => model.StateCode.ShouldBe("27"));
        form.Find("#venue-state").GetAttribute("value").ShouldBe("Maharashtra (27)");
        FieldOf(form, "venue-state").TextContent.ShouldContain("GST state code 27");
        model.ToRequest().StateCode.ShouldBe("27");
    }

    [Fact]
    public async Task A_venue_abroad_has_no_state_and_sends_none()
    {
        await SignInAsAsync(Role.Planner);
        var model = new VenueFormModel { Name = "Atlantis The Palm", City = "Dubai", StateCode = "27" };
        var form = RenderForm(model);
        form.FindAll("#venue-state").Count.ShouldBe(1);

        form.Find("#venue-country").Input("ae");

        form.WaitForAssertion(() => form.FindAll("#venue-state").ShouldBeEmpty());
        var request = model.ToRequest();
        request.Country.ShouldBe("AE");
        request.StateCode.ShouldBeNull();
    }

    [Fact]
    public async Task A_venue_in_India_without_a_state_is_not_submitted()
    {
        await SignInAsAsync(Role.Planner);
        var form = RenderForm(new VenueFormModel { Name = "ITC Grand Chola", City = "Chennai" });

        await form.Find("[data-test='save-venue']").ClickAsync(new());

        form.WaitForAssertion(() => ErrorOf(form, "venue-state").ShouldBe("Choose the state: it decides the GST place of supply."));
        Submitted.ShouldBeEmpty();
    }

    [Fact]
    public async Task Contacts_are_added_and_removed_and_sent_trimmed()
    {
        await SignInAsAsync(Role.Planner);
        var model = TwoContacts();
        var form = RenderForm(model);

        form.FindAll("[data-test='contact-row']").Count.ShouldBe(2);
        form.Find("button[aria-label='Remove contact 1']").Click();
        form.FindAll("[data-test='contact-row']").Count.ShouldBe(1);
        form.Find("#contact-name-0").GetAttribute("value").ShouldBe("Gopal");
        form.Find("[data-test='add-contact']").Click();
        form.Find("#contact-name-1").Change("  Meena ");
        form.Find("#contact-phone-1").Change(" +91 98290 12345 ");

        await form.Find("[data-test='save-venue']").ClickAsync(new());

        form.WaitForAssertion(() => Submitted.ShouldHaveSingleItem());
        Submitted[0].ToRequest().Contacts.ShouldBe([new VenueContact("Gopal", null, "12345", null), new VenueContact("Meena", null, "+91 98290 12345", null)]);
    }

    [Fact]
    public async Task A_map_link_opens_in_a_new_tab_and_anything_else_is_not_a_link()
    {
        await SignInAsAsync(Role.Planner);
        var form = RenderForm(new VenueFormModel { MapUrl = "https://maps.app.goo.gl/rambagh" });

        var link = form.Find("[data-test='open-map']");
        link.GetAttribute("href").ShouldBe("https://maps.app.goo.gl/rambagh");
        link.GetAttribute("target").ShouldBe("_blank");
        link.GetAttribute("rel").ShouldBe("noopener noreferrer");

        form.Find("#venue-map").Input("javascript:alert(1)");
        form.WaitForAssertion(() => form.FindAll("[data-test='open-map']").ShouldBeEmpty());
    }

    [Fact]
    public async Task A_field_the_API_refused_can_be_corrected_and_saved()
    {
        await SignInAsAsync(Role.Planner);
        var form = RenderForm(TwoContacts(), FieldErrors);
        form.WaitForAssertion(() => ErrorOf(form, "contact-phone-1").ShouldNotBeNull());

        form.Find("#contact-phone-1").Change("98290 12345");
        await form.Find("[data-test='save-venue']").ClickAsync(new());

        form.WaitForAssertion(() => Submitted.ShouldHaveSingleItem().Contacts[1].Phone.ShouldBe("98290 12345"));
    }
}
