using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Billing;
using WedTech.App.Features.Billing.Components;
using WedTech.App.Features.Events;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.BillingSamples;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.VendorSamples;

namespace WedTech.App.Tests;

public class InvoiceDialogTests : AppTestContext
{
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(InvoiceResponse? draft, InvoiceFormModel? start,
        string? defaultSac = null)
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventsApi.Routes.Schedule(WeddingId), Schedule(Mehendi, Sangeet));
        _popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<InvoiceDialog>
        {
            { d => d.WeddingId, WeddingId }, { d => d.Draft, draft }, { d => d.Start, start }, { d => d.DefaultSac, defaultSac },
        };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<InvoiceDialog>("Invoice", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=invoice-form]"));
        return (dialogs, reference.Result);
    }

    private void Choose(IRenderedComponent<MudDialogProvider> dialogs, string inputId, string item)
    {
        dialogs.Find($"#{inputId}").Closest(".mud-select")!.MouseDown();
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim().StartsWith(item, StringComparison.Ordinal)).Click();
    }

    [Fact]
    public async Task A_new_invoice_is_to_the_couple_at_the_event_management_SAC_with_rupees_sent_as_exact_paise()
    {
        var (dialogs, result) = await OpenAsync(null, InvoiceFormModel.ForCouple("Priya Sharma & Rohan Verma", null));

        dialogs.Find("#invoice-recipient").GetAttribute("value").ShouldBe("Priya Sharma & Rohan Verma");
        dialogs.Find("#line-sac-0").GetAttribute("value").ShouldBe(InvoiceLimits.EventManagementSac);
        dialogs.Find("#line-description-0").Change("Wedding planning fee");
        dialogs.Find("#line-qty-0").Input("2");
        dialogs.Find("#line-unit-0").Input("1234.56");
        // 2 × ₹1,234.56 = ₹2,469.12; GST 18% = ₹444.4416, rounded to the paisa.
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=invoice-taxable]").TextContent.ShouldBe("₹2,469.12"));
        dialogs.Find("[data-test=invoice-tax]").TextContent.ShouldBe("₹444.44");
        dialogs.Find("[data-test=invoice-total]").TextContent.ShouldBe("₹2,913.56");

        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-line]").Click());
        dialogs.Find("#line-sac-1").GetAttribute("value").ShouldBe(InvoiceLimits.EventManagementSac);
        dialogs.Find("#line-description-1").Change("Mehendi artist coordination");
        dialogs.Find("#line-unit-1").Input("0.1");
        Choose(dialogs, "line-gst-1", "5%");
        Choose(dialogs, "invoice-event", "Sangeet");
        dialogs.Find("#invoice-gstin").Change(" 08abcde1234f1z5 ");
        Choose(dialogs, "invoice-state", "Rajasthan (08)");
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-test=line-total]")[1].TextContent.ShouldContain("GST 5% ₹0.01"));

        Api.Returns(BillingApi.Routes.Invoices(WeddingId), Invoice(DraftId, InvoiceStatus.Draft), "POST");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-invoice]").Click());

        (await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel))!.Data.ShouldBeOfType<InvoiceResponse>().Id.ShouldBe(DraftId);
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("kind").GetString().ShouldBe(ApiJson.EnumName(InvoiceKind.TaxInvoice));
        body.GetProperty("eventId").GetGuid().ShouldBe(SangeetId);
        var recipient = body.GetProperty("recipient");
        recipient.GetProperty("name").GetString().ShouldBe("Priya Sharma & Rohan Verma");
        recipient.GetProperty("gstin").GetString().ShouldBe("08ABCDE1234F1Z5");
        recipient.GetProperty("stateCode").GetString().ShouldBe("08");
        recipient.GetProperty("country").GetString().ShouldBe("IN");
        var lines = body.GetProperty("lines");
        lines.GetArrayLength().ShouldBe(2);
        lines[0].GetProperty("sac").GetString().ShouldBe("998596");
        lines[0].GetProperty("quantity").GetInt32().ShouldBe(2);
        lines[0].GetProperty("unitPaise").GetInt64().ShouldBe(123456);
        lines[0].GetProperty("gstRateBasisPoints").GetInt32().ShouldBe(1800);
        lines[1].GetProperty("unitPaise").GetInt64().ShouldBe(10);
        lines[1].GetProperty("gstRateBasisPoints").GetInt32().ShouldBe(500);
    }

    [Fact]
    public async Task New_lines_take_the_studios_default_SAC()
    {
        var (dialogs, _) = await OpenAsync(null, InvoiceFormModel.ForCouple("Priya & Rohan", "998599"), defaultSac: "998599");

        dialogs.Find("#line-sac-0").GetAttribute("value").ShouldBe("998599");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-line]").Click());
        dialogs.Find("#line-sac-1").GetAttribute("value").ShouldBe("998599");
    }

    [Fact]
    public async Task What_is_missing_is_said_by_its_field_before_anything_is_sent()
    {
        var (dialogs, _) = await OpenAsync(null, InvoiceFormModel.ForCouple("", null));

        dialogs.Find("#invoice-gstin").Change("27ABCDE1234F1Z5");
        Choose(dialogs, "invoice-state", "Rajasthan (08)");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-invoice]").Click());

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Give the name the invoice is to"));
        dialogs.Markup.ShouldContain("The GSTIN is registered in Maharashtra (27): choose that state.");
        dialogs.Markup.ShouldContain("Describe the service, as the couple will read it.");
        dialogs.Markup.ShouldContain("Give the price.");
        Api.Requests.ShouldNotContain(r => r.Method != HttpMethod.Get);
    }

    [Fact]
    public async Task The_servers_refusal_shows_by_its_field_and_keeps_the_dialog_open()
    {
        var (dialogs, result) = await OpenAsync(Invoice(DraftId, InvoiceStatus.Draft, version: 4), null);
        Api.ReturnsProblem(BillingApi.Routes.Invoice(WeddingId, DraftId), HttpStatusCode.BadRequest, "Check the invoice",
            new Dictionary<string, string[]> { ["recipient.gstin"] = ["The GSTIN's check digit is wrong: check it against the certificate."] }, "PUT");

        dialogs.Find("#invoice-gstin").Change("08ABCDE1234F1Z9");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-invoice]").Click());

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("The GSTIN's check digit is wrong: check it against the certificate."));
        Api.Requests.Single(r => r.Method == HttpMethod.Put).Headers.IfMatch.Single().Tag.ShouldBe("\"4\"");
        result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_credit_note_starts_from_the_issued_invoices_lines_and_names_it()
    {
        var issued = Invoice(IssuedId, InvoiceStatus.Issued);
        var (dialogs, result) = await OpenAsync(null, InvoiceFormModel.CreditNoteFor(issued));

        dialogs.Find("[data-test=credit-note-for]").TextContent.ShouldStartWith("Against tax invoice INV/26-27/00007.");
        dialogs.FindAll("#invoice-kind").ShouldBeEmpty();
        dialogs.Find("#invoice-recipient").GetAttribute("value").ShouldBe("Priya Sharma & Rohan Verma");
        dialogs.FindAll("[data-test=invoice-line]").Count.ShouldBe(2);
        dialogs.Find("[data-test=invoice-total]").TextContent.ShouldBe("₹2,95,000");

        // Credit the décor coordination only: one of the two days.
        await dialogs.InvokeAsync(() => dialogs.FindAll("[data-test=remove-line]")[0].Click());
        dialogs.Find("#line-qty-0").Input("1");
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=invoice-total]").TextContent.ShouldBe("₹29,500"));
        Api.Returns(BillingApi.Routes.Invoices(WeddingId), Invoice(DraftId, InvoiceStatus.Draft, InvoiceKind.CreditNote), "POST");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-invoice]").Click());

        await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel);
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("kind").GetString().ShouldBe(ApiJson.EnumName(InvoiceKind.CreditNote));
        body.GetProperty("creditNoteForId").GetGuid().ShouldBe(IssuedId);
        body.GetProperty("lines").GetArrayLength().ShouldBe(1);
        body.GetProperty("lines")[0].GetProperty("description").GetString().ShouldBe("Décor coordination");
        body.GetProperty("lines")[0].GetProperty("unitPaise").GetInt64().ShouldBe(25000_00);
    }

    [Fact]
    public void A_price_with_more_than_two_decimals_is_refused_and_paise_are_exact()
    {
        var model = InvoiceFormModel.ForCouple("Priya & Rohan", null);
        model.Lines[0].Description = "Fee";
        model.Lines[0].UnitRupees = 0.29m;
        model.Check().ShouldBeEmpty();
        model.ToRequest().Lines![0].UnitPaise.ShouldBe(29);

        model.Lines[0].UnitRupees = 10.005m;
        model.Check()["lines[0].unitPaise"].ShouldBe(["A price has at most two decimals (paise)."]);
    }

    [Fact]
    public void A_recipient_abroad_has_no_state_and_no_GSTIN()
    {
        var model = InvoiceFormModel.ForCouple("Anita Kapoor", null);
        model.Lines[0].Description = "Planning fee";
        model.Lines[0].UnitRupees = 100000;
        model.StateCode = "08";
        model.Country = "ae";

        var request = model.ToRequest();

        request.Recipient!.Country.ShouldBe("AE");
        request.Recipient.StateCode.ShouldBeNull();
        model.Gstin = "08ABCDE1234F1Z5";
        model.Check()["recipient.gstin"].ShouldBe(["A recipient abroad has no GSTIN: leave it empty, or set the country to India."]);
    }
}
