using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Agreements;
using WedTech.App.Features.Agreements.Components;
using WedTech.App.Features.Agreements.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>
/// The contracts client's routes; templates with merge fields and their field errors; the lead's contracts; a new contract from
/// the accepted proposal; a contract's money as the caller's permissions allow, its versions' evidence and the countersignature;
/// the couple's signed contracts.
/// </summary>
public class AgreementsAppTests : AppTestContext
{
    private static readonly Guid Lead = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid Id = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
    private static readonly Guid TemplateId = Guid.Parse("01938a00-0000-7000-8000-0000000000cc");
    private static readonly Guid Wedding = Guid.Parse("01938a00-0000-7000-8000-0000000000dd");
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static TheoryData<string, string> Routes => new()
    {
        { AgreementsApi.Routes.Templates, "/api/v1/contract-templates" },
        { AgreementsApi.Routes.Fields, "/api/v1/contract-templates/fields" },
        { AgreementsApi.Routes.Template(Id), $"/api/v1/contract-templates/{Id}" },
        { AgreementsApi.Routes.OfLead(Lead), $"/api/v1/leads/{Lead}/contracts" },
        { AgreementsApi.Routes.Defaults(Lead), $"/api/v1/leads/{Lead}/contracts/defaults" },
        { AgreementsApi.Routes.Contract(Lead, Id), $"/api/v1/leads/{Lead}/contracts/{Id}" },
        { AgreementsApi.Routes.Send(Lead, Id), $"/api/v1/leads/{Lead}/contracts/{Id}/send" },
        { AgreementsApi.Routes.Countersign(Lead, Id), $"/api/v1/leads/{Lead}/contracts/{Id}/countersign" },
        { AgreementsApi.Routes.Pdf(Lead, Id, 2), $"/api/v1/leads/{Lead}/contracts/{Id}/versions/2/pdf" },
        { AgreementsApi.Routes.OfWedding(Wedding), $"/api/v1/weddings/{Wedding}/contracts" },
        { AgreementsApi.Routes.WeddingPdf(Wedding, Id, 1), $"/api/v1/weddings/{Wedding}/contracts/{Id}/versions/1/pdf" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Each_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    private static readonly ContractTemplateResponse Template = new(TemplateId, "Wedding planning services agreement", "# Agreement\n\nFor {{couple.names}}.", true, 3,
        DateTimeOffset.UtcNow);

    private static readonly List<MergeFieldResponse> Fields = [new("couple.names", "The couple's names"), new("fee", "The fee in rupees")];

    private static readonly List<ContractInstalment> Plan =
    [
        new(Guid.Parse("01938a00-0000-7000-8000-0000000000e1"), "Advance on signing", InstalmentKind.Advance, new DateOnly(2027, 1, 10), 5_00_000_00),
        new(Guid.Parse("01938a00-0000-7000-8000-0000000000e2"), "Balance", InstalmentKind.BeforeEvent, new DateOnly(2027, 11, 1), 7_50_000_00),
    ];

    private static ContractResponse Contract(ContractStatus status)
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        List<ContractVersionResponse> versions = status == ContractStatus.Draft ? [] :
        [
            new(1, status switch { ContractStatus.AwaitingCouple => ContractVersionState.AwaitingCouple, ContractStatus.AwaitingStudio => ContractVersionState.AwaitingStudio,
                    _ => ContractVersionState.FullySigned }, Template.Title, "Text", at, Sha, null, null,
                status == ContractStatus.AwaitingCouple ? [] :
                [
                    new SignatureEvidence(SignatureParty.Couple, "Meera Sharma", at.AddHours(1), at.AddHours(1), at.AddHours(1), at.AddHours(1), "203.0.113.7",
                        "Mozilla/5.0 (Linux; Android 14)", "SMS", "******3210", Sha),
                ],
                [new ContractTrailLine(at, "Sent for signing by admin@shaadi.example", "198.51.100.2", null, "e-mail", Sha)]),
        ];
        return new ContractResponse(Id, Lead, null, TemplateId, Template.Title, Template.Body, 12_50_000_00, Plan, "Half refunded up to 90 days before.", "Samode Palace",
            status, versions, 4, at);
    }

    /// <summary>The contract's page, as someone in the role, for a contract where it stands.</summary>
    private async Task<IRenderedComponent<ContractPage>> OpenContractAsync(Role role, ContractStatus status)
    {
        await SignInAsAsync(role);
        Api.Returns(AgreementsApi.Routes.Templates, new List<ContractTemplateResponse> { Template });
        Api.Returns(AgreementsApi.Routes.Fields, Fields);
        Api.Returns(AgreementsApi.Routes.Contract(Lead, Id), Contract(status));
        Render<MudPopoverProvider>();
        return Render<ContractPage>(p => p.Add(c => c.LeadId, Lead).Add(c => c.Id, Id));
    }

    [Fact]
    public async Task A_template_s_unknown_merge_field_is_shown_under_its_text_and_a_picked_field_is_added_to_it()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(AgreementsApi.Routes.Templates, new List<ContractTemplateResponse> { Template });
        Api.Returns(AgreementsApi.Routes.Fields, Fields);
        Api.ReturnsProblem(AgreementsApi.Routes.Template(TemplateId), System.Net.HttpStatusCode.BadRequest, "One or more fields are not valid",
            new Dictionary<string, string[]> { ["body"] = ["There is no merge field {{groom}}: use one of the list."] }, method: "PUT");
        Render<MudPopoverProvider>();

        var page = Render<ContractTemplates>();
        page.WaitForElement("[data-test=open-template]").Click();
        page.FindAll("[data-test=merge-field]").Select(f => f.TextContent.Trim()).ShouldBe(["{{couple.names}}", "{{fee}}"]);
        page.Find("#template-body").Input("Dear {{groom}},");
        page.FindAll("[data-test=merge-field]")[1].Click();
        page.Find("[data-test=save-template]").Click();

        page.WaitForAssertion(() => page.Find("[data-test=template-form]").TextContent.ShouldContain("There is no merge field {{groom}}"));
        var put = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        put.Headers.IfMatch.Single().Tag.ShouldBe("\"3\"");
        Api.RequestBodies.Single().ShouldContain("Dear {{groom}}, {{fee}}");
    }

    [Fact]
    public async Task A_picked_merge_field_goes_where_the_cursor_is_in_the_text()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(AgreementsApi.Routes.Templates, new List<ContractTemplateResponse> { Template });
        Api.Returns(AgreementsApi.Routes.Fields, Fields);
        Api.Returns(AgreementsApi.Routes.Template(TemplateId), Template, method: "PUT");
        // The browser puts it at the caret and says what the text became.
        JSInterop.Setup<string?>("wedtech.insertAtCaret", "template-body", "{{couple.names}}").SetResult("Dear {{couple.names}}, the fee is {{fee}}.");
        Render<MudPopoverProvider>();

        var page = Render<ContractTemplates>();
        page.WaitForElement("[data-test=open-template]").Click();
        page.FindAll("[data-test=merge-field]")[0].Click();
        page.Find("#template-body").GetAttribute("value").ShouldBe("Dear {{couple.names}}, the fee is {{fee}}.");
        page.Find("[data-test=save-template]").Click();

        page.WaitForAssertion(() => Api.RequestBodies.ShouldHaveSingleItem().ShouldContain("Dear {{couple.names}}, the fee is {{fee}}."));
    }

    [Fact]
    public async Task The_lead_s_contracts_show_where_each_stands_and_a_planner_may_prepare_one()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(AgreementsApi.Routes.OfLead(Lead), new List<ContractSummary>
        {
            new(Id, Lead, null, "Wedding planning services agreement", 12_50_000_00, ContractStatus.AwaitingCouple, 2, [1], 4, DateTimeOffset.UtcNow),
        });

        var list = Render<LeadContracts>(p => p.Add(c => c.LeadId, Lead));

        list.WaitForElement("[data-test=contract]");
        list.Find("[data-test=contract-status]").TextContent.Trim().ShouldBe("With the couple to sign");
        list.Find("[data-test=contract-fee]").TextContent.ShouldBe("₹12,50,000");
        list.Find("[data-test=contract-meta]").TextContent.ShouldBe("version 2 sent · version 1 signed");
        list.Find("[data-test=contract-title]").GetAttribute("href").ShouldBe($"leads/{Lead}/contracts/{Id}");
        list.Find("[data-test=new-contract]").GetAttribute("href").ShouldBe($"leads/{Lead}/contracts/new");
    }

    [Fact]
    public async Task A_new_contract_takes_the_fee_and_plan_of_the_accepted_proposal_and_is_sent_in_paise()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(AgreementsApi.Routes.Templates, new List<ContractTemplateResponse> { Template });
        Api.Returns(AgreementsApi.Routes.Fields, Fields);
        Api.Returns(AgreementsApi.Routes.Defaults(Lead), new ContractDefaultsResponse(3_42_200_00,
            [Plan[0] with { AmountPaise = 1_02_660_00 }, Plan[1] with { AmountPaise = 2_39_540_00 }], "Wedding planning for Aanya & Rohan", 1));
        Api.Returns(AgreementsApi.Routes.OfLead(Lead), Contract(ContractStatus.Draft), method: "POST");
        Render<MudPopoverProvider>();

        var page = Render<ContractPage>(p => p.Add(c => c.LeadId, Lead));

        page.WaitForElement("[data-test=from-proposal]").TextContent.ShouldContain("“Wedding planning for Aanya & Rohan”");
        page.Find("#contract-title").GetAttribute("value").ShouldBe(Template.Title);
        page.Find("[data-test=schedule-sum]").TextContent.Trim().ShouldBe("Scheduled ₹3,42,200 of ₹3,42,200.");
        page.Find("[data-test=contract-form]").TextContent.ShouldContain("₹3,42,200");
        page.Find("[data-test=save-contract]").Click();

        page.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"leads/{Lead}/contracts/{Id}"));
        var body = Api.RequestBodies.Single();
        body.ShouldContain("\"feePaise\":34220000");
        body.ShouldContain("\"amountPaise\":10266000");
        body.ShouldContain($"\"templateId\":\"{TemplateId}\"");
    }

    [Fact]
    public async Task A_planner_reads_a_sent_contract_s_amounts_and_its_evidence_but_leaves_the_amounts_and_the_countersignature_to_an_admin()
    {
        var page = await OpenContractAsync(Role.Planner, ContractStatus.AwaitingStudio);

        page.WaitForElement("[data-test=versions]");
        page.FindAll("#contract-fee").ShouldBeEmpty();
        page.Find("[data-test=fee]").TextContent.ShouldBe("Fee ₹12,50,000");
        page.FindAll("[data-test=plan-line]").Select(l => l.TextContent).ShouldBe(["Advance on signing: ₹5,00,000 by 10 Jan 2027", "Balance: ₹7,50,000 by 1 Nov 2027"]);
        page.Find("[data-test=money-locked]").TextContent.ShouldContain("Only an admin");
        page.Find("[data-test=signature-proof]").TextContent.ShouldBe("one-time code by SMS to ******3210");
        page.Find("[data-test=signature-ip]").TextContent.ShouldBe("203.0.113.7");
        page.Find("[data-test=document-sha]").TextContent.ShouldBe(Sha);
        page.Find("[data-test=version-pdf]").GetAttribute("href").ShouldBe(AgreementsApi.Routes.Pdf(Lead, Id, 1));
        page.FindAll("[data-test=countersign]").ShouldBeEmpty();
        page.Find("[data-test=awaiting-countersign]").TextContent.ShouldContain("an admin countersigns");
        page.FindAll("[data-test=send]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admin_countersigns_with_a_typed_name_a_drawn_signature_and_consent()
    {
        Api.Returns(AgreementsApi.Routes.Countersign(Lead, Id), Contract(ContractStatus.FullySigned), method: "POST");
        var pad = JSInterop.SetupModule("./js/signature-pad.js");
        pad.SetupVoid("attach", _ => true).SetVoidResult();
        var read = pad.Setup<string?>("read", _ => true);

        var page = await OpenContractAsync(Role.Admin, ContractStatus.AwaitingStudio);
        page.WaitForElement("[data-test=countersign]");
        page.Find("#contract-fee").ShouldNotBeNull();
        page.Find("#countersign-name").Change("Asha Admin");
        page.Find("input[data-test=countersign-consent]").Change(true);

        // Nothing drawn: said so, nothing sent.
        read.SetResult(null);
        page.Find("[data-test=countersign-button]").Click();
        page.WaitForElement("[data-test=signature-error]").TextContent.ShouldContain("Draw your signature");
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);

        read.SetResult("data:image/png;base64,iVBORw0KGgo=");
        page.Find("[data-test=countersign-button]").Click();

        page.WaitForAssertion(() => page.Find("[data-test=status]").TextContent.Trim().ShouldBe("Signed by both"));
        var body = Api.RequestBodies.Single();
        body.ShouldContain("\"name\":\"Asha Admin\"");
        body.ShouldContain("\"signature\":\"data:image/png;base64,iVBORw0KGgo=\"");
        body.ShouldContain("\"consent\":true");
        page.FindAll("[data-test=countersign]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_couple_download_their_signed_contract_from_their_wedding()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(AgreementsApi.Routes.OfWedding(Wedding), new List<WeddingContractResponse>
        {
            new(Id, "Wedding planning services agreement", 2, ContractVersionState.FullySigned, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), Sha, Sha),
        });

        var card = Render<WeddingContracts>(p => p.Add(c => c.WeddingId, Wedding));

        var link = card.WaitForElement("[data-test=wedding-contract-pdf]");
        link.GetAttribute("href").ShouldBe(AgreementsApi.Routes.WeddingPdf(Wedding, Id, 2));
        card.Find("[data-test=wedding-contract-meta]").TextContent.ShouldStartWith("Version 2 · signed 2 Dec 2026");
    }

    [Fact]
    public void The_form_sends_rupees_as_paise_and_keeps_the_plan_s_instalments()
    {
        var model = ContractFormModel.From(Contract(ContractStatus.Draft));
        model.FeeRupees = 12_50_000.555m;
        model.Plan[1].AmountRupees = 7_50_000.555m;

        var request = model.ToRequest();

        request.FeePaise.ShouldBe(12_50_000_56);
        request.PaymentPlan!.Select(i => (i.Id, i.AmountPaise)).ShouldBe([(Plan[0].Id, 5_00_000_00L), (Plan[1].Id, 7_50_000_56L)]);
        request.TemplateId.ShouldBe(TemplateId);
    }
}
