using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SkiaSharp;
using WedTech.Contracts;
using WedTech.Server.Agreements;
using WedTech.Server.Files.Storage;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Leads;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Contracts with e-signature: templates, sending, the couple's signing with a one-time code, countersigning, integrity, the Won step.</summary>
public abstract partial class ContractTests(TestServer server) : ProviderTests(server)
{
    private const long Fee = 12_50_000_00;

    private static readonly IReadOnlyList<InstalmentRequest> Plan =
    [
        new(null, "Advance on signing", InstalmentKind.Advance, new DateOnly(2027, 1, 10), 5_00_000_00),
        new(null, "Balance before the Mehendi", InstalmentKind.BeforeEvent, new DateOnly(2027, 11, 1), 7_50_000_00),
    ];

    private sealed record Setup(Studio Studio, HttpClient Admin, Guid LeadId, string Email, string Phone)
    {
        public string Contracts => $"/api/v1/leads/{LeadId}/contracts";
    }

    /// <summary>A studio (its own: the SMS quota is per studio and day) and a lead of आरव &amp; Meera with a phone and an e-mail.</summary>
    private async Task<Setup> SetUpAsync(bool withEmail = true)
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var email = $"meera-{Guid.NewGuid():N}@example.com";
        var phone = FakeProviders.NewIndianMobile();
        var lead = await SeedLeadAsync(Server, studio, "आरव & Meera", withEmail ? email : null, phone);
        return new Setup(studio, admin, lead, email, phone);
    }

    /// <summary>A lead put straight into the studio's database (the leads' own API is another module's).</summary>
    internal static async Task<Guid> SeedLeadAsync(TestServer server, Studio studio, string names, string? email, string? phone)
    {
        await using var db = await TenantDatabase.OpenAsync(server, studio);
        var stage = await db.Set<PipelineStage>().OrderBy(s => s.Position).FirstAsync(TestContext.Current.CancellationToken);
        var lead = new Lead
        {
            Names = names, ContactName = "Sunita Sharma", Email = email, Phone = phone, Dates = [new DateOnly(2027, 11, 19), new DateOnly(2027, 11, 20)],
            Events = ["Mehendi", "Sangeet", "Wedding"], City = "Jaipur", StageId = stage.Id, Source = LeadSource.Instagram,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, StageChangedAt = DateTimeOffset.UtcNow,
        };
        lead.RefreshSearchText();
        db.Add(lead);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return lead.Id;
    }

    internal static async Task<ContractResponse> NewContractAsync(HttpClient admin, Guid leadId, long fee = Fee, IReadOnlyList<InstalmentRequest>? plan = null)
    {
        var template = (await admin.GetAsync<List<ContractTemplateResponse>>("/api/v1/contract-templates")).Single(t => t.BuiltIn);
        return await (await admin.PostJsonAsync($"/api/v1/leads/{leadId}/contracts",
            new ContractRequest(template.Id, null, null, fee, plan ?? Plan, null, "Samode Palace, Jaipur"))).ReadAsync<ContractResponse>(HttpStatusCode.Created);
    }

    /// <summary>
    /// A contract for a new lead, sent and signed by the couple from the e-mailed link with an e-mailed code (and countersigned by
    /// the admin when asked): what the access matrix needs of a contract further along.
    /// </summary>
    internal static async Task<(Guid LeadId, Guid ContractId)> SignedByCoupleAsync(TestServer server, Studio studio, HttpClient admin, bool countersign)
    {
        var email = $"couple-{Guid.NewGuid():N}@example.com";
        var lead = await SeedLeadAsync(server, studio, "Aarav & Meera", email, null);
        var contract = await NewContractAsync(admin, lead);
        var root = $"/api/v1/leads/{lead}/contracts/{contract.Id}";
        using var couple = server.Factory.CreateDefaultClient(new Uri($"http://{studio.Slug}.localhost"), new CookieContainerHandler(new CookieContainer()));
        await SendAndSignAsync(server, admin, couple, root, email);
        if (countersign)
        {
            (await admin.PostJsonAsync($"{root}/countersign", new CountersignRequest("Asha Admin", Signature(), true))).EnsureSuccessStatusCode();
        }
        return (lead, contract.Id);
    }

    /// <summary>
    /// Sends the contract at <paramref name="root"/> and signs it as the couple at <paramref name="email"/>, from the e-mailed link
    /// with an e-mailed code, in <paramref name="couple"/> (a browser on the studio's address that keeps cookies).
    /// </summary>
    internal static async Task SendAndSignAsync(IServerUnderTest server, HttpClient admin, HttpClient couple, string root, string email)
    {
        // Each step's time goes to the test's output: under a loaded CI machine, which one is slow.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Took(string step) => TestContext.Current.TestOutputHelper?.WriteLine($"{step}: {clock.Elapsed.TotalSeconds:0.0} s");
        var message = await Mailbox.NextToAsync(server.MailDirectory, email, async () =>
        {
            (await admin.PostAsync($"{root}/send", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            Took("sent");
        });
        Took("signing link e-mailed");
        var path = new Uri(Mailbox.Links(message).Single(l => l.Contains("/sign/", StringComparison.Ordinal))).AbsolutePath;
        var codeMail = await Mailbox.NextToAsync(server.MailDirectory, email, async () =>
        {
            (await AskCodeAsync(couple, path, "email")).EnsureSuccessStatusCode();
            Took("code asked");
        });
        Took("code e-mailed");
        (await SignAsync(couple, path, SixDigits().Match(codeMail.TextBody ?? "").Value)).EnsureSuccessStatusCode();
        Took("signed");
    }

    /// <summary>The Won step of contracts, run from DI in a scope of the studio as the Won transaction runs it.</summary>
    internal static async Task ConvertAsync(TestServer server, Studio studio, Guid leadId, Guid weddingId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
        var step = scope.ServiceProvider.GetServices<ILeadConversionStep>().Single(s => s is ContractConversion);
        await step.ConvertAsync(new LeadConversion(leadId, weddingId, [], []), TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<TenantDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A drawn signature: a few strokes on a transparent canvas, as the signing page's canvas sends it.</summary>
    internal static string Signature(int strokes = 3)
    {
        using var surface = SKSurface.Create(new SKImageInfo(600, 200));
        using var paint = new SKPaint { Color = new SKColor(0x1b, 0x1b, 0x3a), StrokeWidth = 3, IsStroke = true, IsAntialias = true };
        for (var i = 0; i < strokes; i++)
        {
            surface.Canvas.DrawLine(40 + i * 90, 150, 140 + i * 90, 50, paint);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return SignatureImage.Prefix + Convert.ToBase64String(data.ToArray());
    }

    private HttpClient Browser(string slug) =>
        Server.Factory.CreateDefaultClient(new Uri($"http://{slug}.localhost"), new CookieContainerHandler(new CookieContainer()));

    private async Task<string> SigningPathAsync(Setup setup)
    {
        var message = await Mailbox.LatestToAsync(Server.MailDirectory, setup.Email);
        var link = Mailbox.Links(message).Single(l => l.Contains("/sign/", StringComparison.Ordinal));
        return new Uri(link).AbsolutePath;
    }

    private static async Task<string> SmsCodeAsync(string phone, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (FakeProviders.Instance.ReceivedFor(phone).Count < count && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        var request = FakeProviders.Instance.ReceivedFor(phone)[count - 1];
        var body = new FormReader(request.Body).ReadForm()["Body"].ToString();
        return SixDigits().Match(body).Value;
    }

    private async Task<string> EmailCodeAsync(string email, Func<Task> ask)
    {
        var message = await Mailbox.NextToAsync(Server.MailDirectory, email, ask);
        return SixDigits().Match(message.TextBody ?? "").Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    private static Task<HttpResponseMessage> AskCodeAsync(HttpClient browser, string path, string channel) =>
        ServerForms.SubmitAsync(browser, path, "code", new() { ["channel"] = channel });

    private static Task<HttpResponseMessage> SignAsync(HttpClient browser, string path, string code, string name = "Meera Sharma", string? signature = null, bool consent = true)
    {
        var fields = new Dictionary<string, string> { ["code"] = code, ["name"] = name, ["signature"] = signature ?? Signature() };
        if (consent)
        {
            fields["consent"] = "yes";
        }
        return ServerForms.SubmitAsync(browser, path, "sign", fields);
    }

    private static async Task<string> PdfTextAsync(HttpResponseMessage response) =>
        await PdfTools.RunAsync("pdftotext", await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Templates_name_unknown_merge_fields_and_a_studio_starts_with_the_built_in_agreement()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var templates = await admin.GetAsync<List<ContractTemplateResponse>>("/api/v1/contract-templates");
        var builtIn = Assert.Single(templates);
        Assert.True(builtIn.BuiltIn);
        Assert.Contains("{{payment_plan}}", builtIn.Body, StringComparison.Ordinal);
        Assert.Contains("3A", builtIn.Body, StringComparison.Ordinal);
        var fields = await admin.GetAsync<List<MergeFieldResponse>>("/api/v1/contract-templates/fields");
        Assert.Contains(fields, f => f.Name == "fee.words");

        var problem = await (await admin.PostJsonAsync("/api/v1/contract-templates", new ContractTemplateRequest("Décor only", "For {{couple.name}} on {{dates}} by {{studio}}.")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.Errors!["body"]);
        Assert.Contains("{{couple.name}}", error, StringComparison.Ordinal);
        Assert.Contains("{{studio}}", error, StringComparison.Ordinal);
        (await (await admin.PostJsonAsync("/api/v1/contract-templates", new ContractTemplateRequest(" ", "Text"))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys
            .ShouldContain("title");
        Assert.Single(await admin.GetAsync<List<ContractTemplateResponse>>("/api/v1/contract-templates"));

        var created = await (await admin.PostJsonAsync("/api/v1/contract-templates", new ContractTemplateRequest("Décor only", "# Décor\n\nFor {{couple.names}}: {{fee}}.")))
            .ReadAsync<ContractTemplateResponse>(HttpStatusCode.Created);
        var stale = await admin.PutJsonAsync($"/api/v1/contract-templates/{created.Id}", new ContractTemplateRequest("Décor", "{{nope}}"), $"\"{created.Version}\"");
        await stale.ProblemAsync(HttpStatusCode.BadRequest);
        var kept = await admin.GetAsync<ContractTemplateResponse>($"/api/v1/contract-templates/{created.Id}");
        Assert.Equal((created.Title, created.Body, created.Version), (kept.Title, kept.Body, kept.Version));
    }

    [Fact]
    public async Task A_new_contract_starts_from_the_fee_and_plan_of_the_accepted_proposal()
    {
        var setup = await SetUpAsync();
        var defaults = $"{setup.Contracts}/defaults";
        var none = await setup.Admin.GetAsync<ContractDefaultsResponse>(defaults);
        Assert.Equal((null, 0, null), (none.FeePaise, none.PaymentPlan.Count, none.ProposalVersion));

        // A proposal sent but not accepted gives nothing; once the couple accept it, its total and plan.
        var proposals = $"/api/v1/leads/{setup.LeadId}/proposals";
        var proposal = await (await setup.Admin.PostJsonAsync(proposals, ProposalSeeds.NewProposal())).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var sent = await (await setup.Admin.PostJsonAsync($"{proposals}/{proposal.Id}/send", new SendProposalRequest(null))).ReadAsync<SendProposalResponse>();
        Assert.Null((await setup.Admin.GetAsync<ContractDefaultsResponse>(defaults)).FeePaise);
        using var couple = Browser(setup.Studio.Slug);
        (await couple.PostJsonAsync($"/api/v1/proposal-links/{new Uri(sent.Link).AbsolutePath["/proposal/".Length..]}/accept",
            new AcceptProposalRequest(1, [], "Meera Sharma"))).EnsureSuccessStatusCode();
        var accepted = await setup.Admin.GetAsync<ContractDefaultsResponse>(defaults);
        // ₹3,00,000 less ₹10,000, with 18% GST: ₹3,42,200, in 30% and 70%.
        Assert.Equal((3_42_200_00L, proposal.Title, 1), (accepted.FeePaise, accepted.ProposalTitle, accepted.ProposalVersion));
        Assert.Equal([("Advance", 1_02_660_00L), ("Balance", 2_39_540_00L)], accepted.PaymentPlan.Select(i => (i.Label, i.AmountPaise)));

        // Prepared with them as they are, the contract's fee and plan are the proposal's.
        var contract = await NewContractAsync(setup.Admin, setup.LeadId, accepted.FeePaise!.Value,
            [.. accepted.PaymentPlan.Select(i => new InstalmentRequest(null, i.Label, i.Kind, i.DueOn, i.AmountPaise))]);
        Assert.Equal(accepted.PaymentPlan.Select(i => (i.DueOn, i.AmountPaise)), contract.PaymentPlan.Select(i => (i.DueOn, i.AmountPaise)));

        // Another studio's lead is not found; a coordinator may not ask.
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        await (await otherAdmin.GetAsync(defaults, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator);
        await (await coordinator.Client.GetAsync(defaults, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_couple_signs_with_an_sms_code_the_studio_countersigns_and_the_signed_pdf_carries_the_certificate()
    {
        var setup = await SetUpAsync();
        var contract = await NewContractAsync(setup.Admin, setup.LeadId);
        Assert.Equal(ContractStatus.Draft, contract.Status);
        var sent = await (await setup.Admin.PostAsync($"{setup.Contracts}/{contract.Id}/send", null, Cancel)).ReadAsync<ContractSentResponse>();
        Assert.Equal((1, MessageChannel.Email, ContractStatus.AwaitingCouple), (sent.Number, sent.Channel, sent.Contract.Status));

        // The PDF sent: merge values in it, the Devanagari name extractable, its hash the one kept.
        var pdf = await setup.Admin.GetAsync($"{setup.Contracts}/{contract.Id}/versions/1/pdf", Cancel);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(sent.DocumentSha256, Sha(bytes));
        var text = await PdfTools.RunAsync("pdftotext", bytes);
        foreach (var expected in new[] { "आरव & Meera", "Sunita Sharma", "₹12,50,000", "Rupees Twelve Lakh Fifty Thousand Only", "Advance on signing", "₹5,00,000",
            "19 Nov 2027", "Mehendi, Sangeet, Wedding", "Samode Palace, Jaipur", "Jaipur", "Shaadi Studio", "3A" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // The couple open the link from the e-mail, on the studio's address.
        var path = await SigningPathAsync(setup);
        using var couple = Browser(setup.Studio.Slug);
        couple.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) TestPhone");
        var page = await ServerForms.TextAsync(await couple.GetAsync(path, Cancel));
        Assert.Contains("Rupees Twelve Lakh Fifty Thousand Only", page, StringComparison.Ordinal);
        Assert.Contains("section 3A of the Information Technology Act, 2000", page, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Phone, page, StringComparison.Ordinal);
        Assert.Contains(setup.Phone[^4..], page, StringComparison.Ordinal);
        var viaLink = await couple.GetAsync($"/api/v1{path}/pdf", Cancel);
        Assert.Equal(sent.DocumentSha256, Sha(await viaLink.Content.ReadAsByteArrayAsync(Cancel)));

        // The code by SMS, read from the message the SMS provider received.
        Assert.Contains("We sent a 6-digit code by SMS", await ServerForms.TextAsync(await AskCodeAsync(couple, path, "sms")), StringComparison.Ordinal);
        var code = await SmsCodeAsync(setup.Phone, 1);
        Assert.Matches("^[0-9]{6}$", code);

        // An empty signature and no consent: refused, nothing signed, the code still good.
        var refused = await ServerForms.TextAsync(await SignAsync(couple, path, code, signature: Signature(0), consent: false), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("The signature box is empty", refused, StringComparison.Ordinal);
        Assert.Contains("Tick the box to agree to sign electronically", refused, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.AwaitingCouple, (await setup.Admin.GetAsync<ContractResponse>($"{setup.Contracts}/{contract.Id}")).Status);

        var signed = await ServerForms.TextAsync(await SignAsync(couple, path, code));
        Assert.Contains("You signed this contract", signed, StringComparison.Ordinal);

        var afterCouple = await setup.Admin.GetAsync<ContractResponse>($"{setup.Contracts}/{contract.Id}");
        Assert.Equal(ContractStatus.AwaitingStudio, afterCouple.Status);
        var evidence = Assert.Single(afterCouple.Versions[0].Signatures);
        Assert.Equal((SignatureParty.Couple, "Meera Sharma", "SMS", sent.DocumentSha256), (evidence.Party, evidence.Name, evidence.OtpChannel, evidence.DocumentSha256));
        Assert.NotNull(evidence.ViewedAt);
        Assert.NotNull(evidence.CodeSentAt);
        Assert.NotNull(evidence.CodeVerifiedAt);
        Assert.Contains("TestPhone", evidence.UserAgent, StringComparison.Ordinal);
        Assert.EndsWith(setup.Phone[^4..], evidence.MaskedDestination, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Phone[3..^4], evidence.MaskedDestination, StringComparison.Ordinal);

        // The lead's timeline says so, and the studio's admins are told.
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            var kinds = await db.Set<LeadActivity>().Where(a => a.LeadId == setup.LeadId && a.SubjectId == contract.Id).Select(a => a.Kind).ToListAsync(Cancel);
            Assert.Equal([LeadActivityKind.ContractSent, LeadActivityKind.ContractSigned], kinds.Order());
        }

        // Only the studio's admin countersigns; a planner cannot.
        var planner = await setup.Studio.AddMemberAsync(Role.Planner);
        var countersign = new CountersignRequest("Asha Admin", Signature(), true);
        await (await planner.Client.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", countersign)).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await setup.Admin.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", countersign with { Consent = false, Signature = "data:image/gif;base64,R0lGOD" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order().ShouldBe(["consent", "signature"]);
        var done = await (await setup.Admin.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", countersign)).ReadAsync<ContractResponse>();
        Assert.Equal((ContractStatus.FullySigned, ContractVersionState.FullySigned), (done.Status, done.Versions[0].State));
        Assert.Equal([SignatureParty.Couple, SignatureParty.Studio], done.Versions[0].Signatures.Select(s => s.Party));
        await (await setup.Admin.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", countersign)).ProblemAsync(HttpStatusCode.Conflict);

        // The final PDF: pages, signatures and the certificate with the trail; its own hash kept and checked.
        var final = await (await setup.Admin.GetAsync($"{setup.Contracts}/{contract.Id}/versions/1/pdf", Cancel)).Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(done.Versions[0].FinalSha256, Sha(final));
        var certificate = await PdfTools.RunAsync("pdftotext", final);
        foreach (var expected in new[] { "Certificate of electronic signature", "Opened by the couple", "One-time code sent", "One-time code verified",
            "Signed by the couple as Meera Sharma", "Countersigned for the studio by Asha Admin", sent.DocumentSha256[..32], "TestPhone", "Signatures", "आरव & Meera" })
        {
            Assert.Contains(expected, certificate.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // The link after signing: shows it signed and offers the signed copy, but signs nothing again.
        var replay = await ServerForms.TextAsync(await SignAsync(couple, path, code), HttpStatusCode.Conflict);
        Assert.Contains("already signed", replay, StringComparison.Ordinal);
        Assert.Equal(done.Versions[0].FinalSha256, Sha(await (await couple.GetAsync($"/api/v1{path}/pdf", Cancel)).Content.ReadAsByteArrayAsync(Cancel)));
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            Assert.Equal(2, await db.Set<ContractSignature>().CountAsync(Cancel));
            Assert.Equal(3, await db.Set<LeadActivity>().CountAsync(a => a.LeadId == setup.LeadId && a.SubjectId == contract.Id, Cancel));
        }
    }

    [Fact]
    public async Task A_tampered_stored_pdf_is_refused_on_download_and_a_change_after_signing_needs_new_signatures()
    {
        var setup = await SetUpAsync();
        var contract = await NewContractAsync(setup.Admin, setup.LeadId);
        var sent = await (await setup.Admin.PostAsync($"{setup.Contracts}/{contract.Id}/send", null, Cancel)).ReadAsync<ContractSentResponse>();
        await (await setup.Admin.PostAsync($"{setup.Contracts}/{contract.Id}/send", null, Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        var firstPath = await SigningPathAsync(setup);
        using var couple = Browser(setup.Studio.Slug);
        var code = await EmailCodeAsync(setup.Email, async () => (await AskCodeAsync(couple, firstPath, "email")).EnsureSuccessStatusCode());
        await ServerForms.TextAsync(await SignAsync(couple, firstPath, code));
        await (await setup.Admin.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", new CountersignRequest("Asha Admin", Signature(), true))).ReadAsync<ContractResponse>();

        // A change after signing: a draft again; the signed version stays as it was; the next send is version 2 that needs new signatures.
        var current = await setup.Admin.GetAsync<ContractResponse>($"{setup.Contracts}/{contract.Id}");
        var changed = await (await setup.Admin.PutJsonAsync($"{setup.Contracts}/{contract.Id}",
            new ContractRequest(null, null, null, 13_00_000_00, [Plan[0], Plan[1] with { AmountPaise = 8_00_000_00 }], "No refunds within 30 days.", null), $"\"{current.Version}\""))
            .ReadAsync<ContractResponse>();
        Assert.Equal((ContractStatus.Draft, ContractVersionState.FullySigned), (changed.Status, changed.Versions[0].State));
        var second = await Mailbox.NextToAsync(Server.MailDirectory, setup.Email,
            async () => Assert.Equal(2, (await (await setup.Admin.PostAsync($"{setup.Contracts}/{contract.Id}/send", null, Cancel)).ReadAsync<ContractSentResponse>()).Number));
        var secondPath = new Uri(Mailbox.Links(second).Single(l => l.Contains("/sign/", StringComparison.Ordinal))).AbsolutePath;
        Assert.NotEqual(firstPath, secondPath);
        var v2 = await setup.Admin.GetAsync<ContractResponse>($"{setup.Contracts}/{contract.Id}");
        Assert.Equal([ContractVersionState.FullySigned, ContractVersionState.AwaitingCouple], v2.Versions.Select(v => v.State));
        Assert.Empty(v2.Versions[1].Signatures);
        Assert.Contains("₹13,00,000", await PdfTextAsync(await setup.Admin.GetAsync($"{setup.Contracts}/{contract.Id}/versions/2/pdf", Cancel)), StringComparison.Ordinal);
        Assert.Contains("₹12,50,000", await PdfTextAsync(await setup.Admin.GetAsync($"{setup.Contracts}/{contract.Id}/versions/1/pdf", Cancel)), StringComparison.Ordinal);
        await (await setup.Admin.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", new CountersignRequest("Asha Admin", Signature(), true)))
            .ProblemAsync(HttpStatusCode.Conflict);

        // Changing it again withdraws version 2: its link says so.
        var withdrawn = await (await setup.Admin.PutJsonAsync($"{setup.Contracts}/{contract.Id}",
            new ContractRequest(null, null, null, 13_00_000_00, null, null, null), $"\"{v2.Version}\"")).ReadAsync<ContractResponse>();
        Assert.Equal(ContractVersionState.Superseded, withdrawn.Versions[1].State);
        Assert.Contains("has been replaced", await ServerForms.TextAsync(await couple.GetAsync(secondPath, Cancel), HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await couple.GetAsync($"/api/v1{secondPath}/pdf", Cancel)).StatusCode);

        // Someone changes the signed PDF in storage: every download refuses it, clearly, without a 500.
        Guid finalFile;
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            finalFile = (await db.Set<ContractVersion>().SingleAsync(v => v.ContractId == contract.Id && v.Number == 1, Cancel)).FinalFileId!.Value;
        }
        var storage = Server.Services.GetRequiredService<IFileStorage>();
        var key = StorageKeys.ForFile(setup.Studio.TenantId, finalFile);
        byte[] original;
        await using (var content = (await storage.OpenReadAsync(key, Cancel))!)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, Cancel);
            original = copy.ToArray();
        }
        var tampered = original.ToArray();
        tampered[tampered.Length / 2] ^= 0x01;
        await storage.PutAsync(key, new MemoryStream(tampered), "application/pdf", Cancel);
        var problem = await (await setup.Admin.GetAsync($"{setup.Contracts}/{contract.Id}/versions/1/pdf", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("does not match what was signed", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await couple.GetAsync($"/api/v1{firstPath}/pdf", Cancel)).StatusCode);
        var audit = await setup.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={contract.Id}");
        Assert.Contains(audit.Items, e => e.Action == "contract.document-mismatch" && !e.Details!.Contains(setup.Email, StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains("does not match its SHA-256", StringComparison.Ordinal) && line.Contains(setup.Phone, StringComparison.Ordinal));
        await storage.PutAsync(key, new MemoryStream(original), "application/pdf", Cancel);
        Assert.Equal(HttpStatusCode.OK, (await setup.Admin.GetAsync($"{setup.Contracts}/{contract.Id}/versions/1/pdf", Cancel)).StatusCode);
        _ = sent;
    }

    [Fact]
    public async Task Forged_links_wrong_codes_and_expired_codes_are_refused_and_sign_nothing()
    {
        var setup = await SetUpAsync();
        var contract = await NewContractAsync(setup.Admin, setup.LeadId);
        (await setup.Admin.PostAsync($"{setup.Contracts}/{contract.Id}/send", null, Cancel)).EnsureSuccessStatusCode();
        var path = await SigningPathAsync(setup);
        using var couple = Browser(setup.Studio.Slug);

        // A forged link, and the real one on another studio's address.
        Assert.Contains("This signing link does not work", await ServerForms.TextAsync(await couple.GetAsync("/sign/AAAAAAAAAAAAAAAAAAAAAA", Cancel), HttpStatusCode.NotFound),
            StringComparison.Ordinal);
        var other = await NewStudioAsync();
        using var elsewhere = Browser(other.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(path, Cancel)).StatusCode);

        // Five wrong codes: the code is dead, even the right one no longer works.
        var code = await EmailCodeAsync(setup.Email, async () => (await AskCodeAsync(couple, path, "email")).EnsureSuccessStatusCode());
        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 1; i <= 5; i++)
        {
            var answer = await ServerForms.TextAsync(await SignAsync(couple, path, wrong), HttpStatusCode.UnprocessableEntity);
            Assert.Contains(i < 5 ? $"{5 - i} tries left" : "wrong five times", answer, StringComparison.Ordinal);
        }
        Assert.Contains("no longer works", await ServerForms.TextAsync(await SignAsync(couple, path, code), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);

        // A new code works only for 10 minutes.
        var fresh = await EmailCodeAsync(setup.Email, async () => (await AskCodeAsync(couple, path, "email")).EnsureSuccessStatusCode());
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            var version = await db.Set<ContractVersion>().SingleAsync(v => v.ContractId == contract.Id, Cancel);
            Assert.NotEqual(fresh, version.CodeHash);
            Assert.Equal(64, version.CodeHash!.Length);
            version.CodeExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync(Cancel);
        }
        Assert.Contains("expired", await ServerForms.TextAsync(await SignAsync(couple, path, fresh), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Equal(ContractStatus.AwaitingCouple, (await setup.Admin.GetAsync<ContractResponse>($"{setup.Contracts}/{contract.Id}")).Status);

        // Asking for codes is limited: five an hour.
        for (var i = 0; i < 3; i++)
        {
            (await AskCodeAsync(couple, path, "email")).EnsureSuccessStatusCode();
        }
        Assert.Contains("5 codes in the last hour", await ServerForms.TextAsync(await AskCodeAsync(couple, path, "email"), HttpStatusCode.UnprocessableEntity),
            StringComparison.Ordinal);

        // The trail kept the wrong tries; nothing was signed.
        var trail = (await setup.Admin.GetAsync<ContractResponse>($"{setup.Contracts}/{contract.Id}")).Versions[0].Trail;
        Assert.Equal(5, trail.Count(t => t.What.StartsWith("Wrong code", StringComparison.Ordinal)));
        Assert.Empty((await setup.Admin.GetAsync<ContractResponse>($"{setup.Contracts}/{contract.Id}")).Versions[0].Signatures);
    }

    [Fact]
    public async Task Roles_other_studios_and_bad_input_and_the_couple_sees_their_signed_contract_once_won()
    {
        var setup = await SetUpAsync();
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator);
        var client = await setup.Studio.AddMemberAsync(Role.Client);
        var planner = await setup.Studio.AddMemberAsync(Role.Planner);
        foreach (var caller in new[] { coordinator.Client, client.Client })
        {
            await (await caller.GetAsync(setup.Contracts, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await caller.GetAsync("/api/v1/contract-templates", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        }

        // Bad input: each field named, nothing made.
        var template = (await setup.Admin.GetAsync<List<ContractTemplateResponse>>("/api/v1/contract-templates")).Single();
        var bad = await (await setup.Admin.PostJsonAsync(setup.Contracts, new ContractRequest(Guid.NewGuid(), null, "Hello {{groom}}", 1_00_000_00,
            [new InstalmentRequest(null, "Advance", InstalmentKind.Advance, new DateOnly(2027, 1, 1), 50_000_00)], null, null))).ProblemAsync(HttpStatusCode.BadRequest);
        bad.Errors!.Keys.Order().ShouldBe(["body", "paymentPlan", "templateId"]);
        await (await setup.Admin.PostJsonAsync(setup.Contracts, new ContractRequest(template.Id, null, null, -5, null, null, null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await setup.Admin.GetAsync<List<ContractSummary>>(setup.Contracts));

        // Another studio's lead and contract are not found.
        var contract = await NewContractAsync(setup.Admin, setup.LeadId);
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        await (await otherAdmin.GetAsync(setup.Contracts, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var otherLead = await SeedLeadAsync(Server, other, "Riya & Kabir", "riya@example.com", null);
        await (await otherAdmin.GetAsync($"/api/v1/leads/{otherLead}/contracts/{contract.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostAsync($"/api/v1/leads/{otherLead}/contracts/{contract.Id}/send", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        // A planner prepares and sends; the couple sign; the admin countersigns.
        (await planner.Client.PostAsync($"{setup.Contracts}/{contract.Id}/send", null, Cancel)).EnsureSuccessStatusCode();
        var path = await SigningPathAsync(setup);
        using var couple = Browser(setup.Studio.Slug);
        var code = await EmailCodeAsync(setup.Email, async () => (await AskCodeAsync(couple, path, "email")).EnsureSuccessStatusCode());
        await ServerForms.TextAsync(await SignAsync(couple, path, code));
        await (await planner.Client.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", new CountersignRequest("Pia Planner", Signature(), true)))
            .ProblemAsync(HttpStatusCode.Forbidden);
        (await setup.Admin.PostJsonAsync($"{setup.Contracts}/{contract.Id}/countersign", new CountersignRequest("Asha Admin", Signature(), true))).EnsureSuccessStatusCode();

        // Won: the step from DI puts the contracts on the wedding; the couple list and download the signed one there.
        var wedding = await (await setup.Admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Aarav & Meera", "Meera", "Aarav", new DateOnly(2027, 11, 20), "Jaipur",
            WeddingStatus.Booked, null, 300, null, null) with { Team = [new TeamAssignment(client.Id, TeamRole.Client)] })).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var elsewhere = await (await setup.Admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Someone else", "A", "B", new DateOnly(2027, 12, 1), "Delhi",
            WeddingStatus.Booked, null, 100, null, null))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        Assert.Empty(await client.Client.GetAsync<List<WeddingContractResponse>>($"/api/v1/weddings/{wedding.Id}/contracts"));
        await ConvertAsync(Server, setup.Studio, setup.LeadId, wedding.Id);
        var mine = Assert.Single(await client.Client.GetAsync<List<WeddingContractResponse>>($"/api/v1/weddings/{wedding.Id}/contracts"));
        Assert.Equal((contract.Id, 1, ContractVersionState.FullySigned), (mine.Id, mine.Number, mine.State));
        var download = await client.Client.GetAsync($"/api/v1/weddings/{wedding.Id}/contracts/{contract.Id}/versions/1/pdf", Cancel);
        Assert.Equal(mine.FinalSha256, Sha(await download.Content.ReadAsByteArrayAsync(Cancel)));
        await (await client.Client.GetAsync($"/api/v1/weddings/{elsewhere.Id}/contracts", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.Client.GetAsync($"/api/v1/weddings/{elsewhere.Id}/contracts/{contract.Id}/versions/1/pdf", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await planner.Client.GetAsync($"/api/v1/weddings/{wedding.Id}/contracts", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.Client.GetAsync($"/api/v1/weddings/{wedding.Id}/contracts", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single(await setup.Admin.GetAsync<List<WeddingContractResponse>>($"/api/v1/weddings/{wedding.Id}/contracts"));
    }
}

public sealed class ContractTestsOnSqlite(SqliteServer server) : ContractTests(server);

public sealed class ContractTestsOnPostgres(PostgresServer server) : ContractTests(server);
