using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WedTech.Contracts;

namespace WedTech.Tests.Infrastructure;

/// <summary>The operations of the served OpenAPI document, with real records of a studio to put in their paths and valid bodies to send.</summary>
public static class OpenApiOperations
{
    public sealed record Operation(string Method, string Path, JsonObject Spec)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>Records of a fresh studio that operations take in their path and bodies.</summary>
    /// <param name="Lodgers">A household of its own for the rooms, untouched by the household routes (which replace members).</param>
    /// <param name="Invoice">A draft estimate; <paramref name="IssuedInvoice"/> an issued one (what the couple's routes and a cancel take).</param>
    /// <param name="ClientPayment">A payment from the couple, recorded by staff; <paramref name="Payment"/> is one to a vendor.</param>
    /// <param name="RazorpayKeyId">The studio's Razorpay account at the stand-in, so that pay links reach Razorpay.</param>
    public sealed record Records(Guid Admin, Guid Planner, Guid Wedding, Guid Event, Guid Item, Guid Venue, Guid Template, Guid Household, Guid Lodgers, Guid Lodger,
        Guid RoomBlock, Guid Room, Guid Table, Guid Leg, Guid Vehicle, Guid Trip, Guid Vendor, Guid Booking, Guid Payment, Guid BudgetLine, string Slug,
        Guid Invoice, Guid IssuedInvoice, Guid Instalment, Guid ClientPayment, string RazorpayKeyId,
        // Leads: a lead with a follow-up, another lead (what a merge takes), an open stage.
        Guid Lead, Guid LeadActivity, Guid OtherLead, Guid Stage,
        Guid Automation,
        // Proposals: a proposal of that lead, a package.
        Guid Proposal, Guid Package,
        // Contracts: a template of the studio's own, a contract of that lead.
        Guid ContractTemplate, Guid Contract,
        // Stock: an item; tasks: a task of the wedding given to the admin (so the couple's routes find it too), a checklist template.
        Guid StockItem, Guid Task, Guid TaskTemplate);

    public static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, spec) in item!.AsObject())
            {
                if (spec is JsonObject op && method is "get" or "post" or "put" or "patch" or "delete")
                {
                    yield return new Operation(method.ToUpperInvariant(), path, op);
                }
            }
        }
    }

    /// <summary>The operation's URL with real records in its path (a wedding for /weddings/{id}…), or the given raw values.</summary>
    public static string FillPath(Operation op, List<JsonObject> parameters, Records records, Dictionary<string, string>? overrides)
    {
        var url = op.Path;
        foreach (var parameter in parameters.Where(p => (string?)p["in"] == "path"))
        {
            var name = (string)parameter["name"]!;
            var value = overrides?.GetValueOrDefault(name) ?? PathValue(op.Path, name, records);
            url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return url;
    }

    public static string PathValue(string path, string name, Records records)
    {
        var segments = path.Split('/');
        var index = Array.IndexOf(segments, "{" + name + "}");
        var resource = index > 0 ? segments[index - 1] : "";
        Guid? id = (name, resource) switch
        {
            ("id", "invoices") when path.Contains("/billing/", StringComparison.Ordinal) || path.EndsWith("/cancel", StringComparison.Ordinal) => records.IssuedInvoice,
            ("id", "invoices") => records.Invoice,
            ("instalmentId", _) => records.Instalment,
            ("paymentId", _) when !path.Contains("/bookings/", StringComparison.Ordinal) => records.ClientPayment,
            ("weddingId", _) or ("id", "weddings") => records.Wedding,
            ("eventId", _) or ("id", "events") => records.Event,
            ("itemId", _) => records.Item,
            ("id", "venues") => records.Venue,
            ("id", "templates") => records.Template,
            ("id", "households") => records.Household,
            ("id", "room-blocks") => records.RoomBlock,
            ("id", "rooms") => records.Room,
            ("tableId", _) => records.Table,
            ("id", "travel") => records.Leg,
            ("id", "vehicles") => records.Vehicle,
            ("id", "trips") => records.Trip,
            ("id", "vendors") => records.Vendor,
            ("id", "bookings") => records.Booking,
            ("paymentId", _) => records.Payment,
            ("id", "lines") => records.BudgetLine,
            ("id", "users") => records.Planner,
            ("id", "leads") => records.Lead,
            ("activityId", _) => records.LeadActivity,
            ("id", "stages") => records.Stage,
            ("id", "automations") => records.Automation,
            ("leadId", _) => records.Lead,
            ("id", "proposals") => records.Proposal,
            ("id", "packages") => records.Package,
            ("id", "contract-templates") => records.ContractTemplate,
            ("id", "contracts") when path.StartsWith("/api/v1/leads/", StringComparison.Ordinal) => records.Contract,
            ("id", "items") when path.StartsWith("/api/v1/inventory/", StringComparison.Ordinal) => records.StockItem,
            ("id", "tasks") or ("id", "our-tasks") => records.Task,
            ("id", "task-templates") => records.TaskTemplate,
            _ => null,
        };
        return id?.ToString() ?? name switch
        {
            "key" => "announcement",
            "channel" => "email",
            "language" => "en",
            "number" => "1",
            _ => Guid.CreateVersion7().ToString(),
        };
    }

    /// <summary>A valid body for the schema: a written sample where there is one, else one made from the schema.</summary>
    public static JsonNode Sample(JsonObject schema, JsonObject document, Records records)
    {
        var name = (schema["$ref"]?.GetValue<string>() ?? "").Split('/')[^1];
        var wedding = new WeddingRequest("Fuzz wedding", "Meera", "Sahil", new DateOnly(2027, 11, 20), "Jaipur", WeddingStatus.Booked, 10_000_00, 300,
            "Notes", [new TeamAssignment(records.Planner, TeamRole.Coordinator)]);
        object? known = name switch
        {
            nameof(CreateTenantRequest) => new CreateTenantRequest("Fuzz Studio", records.Slug, "Fuzz Admin", "fuzz-signup@example.com", "Correct-Horse-42", TenantPlan.Starter),
            nameof(LoginRequest) => new LoginRequest("nobody@example.com", "Not-The-Password-1"),
            nameof(RefreshRequest) => new RefreshRequest("not-a-refresh-token"),
            nameof(AcceptInvitationRequest) => new AcceptInvitationRequest("not-an-invitation", "Long-Enough-Password-1"),
            nameof(PasswordResetRequest) => new PasswordResetRequest("nobody@example.com"),
            nameof(PasswordResetConfirmRequest) => new PasswordResetConfirmRequest("not-a-reset-token", "Long-Enough-Password-1"),
            nameof(InviteUserRequest) => new InviteUserRequest("fuzz-invitee@example.com", "Fuzz Invitee", Role.Coordinator),
            nameof(ChangeRoleRequest) => new ChangeRoleRequest(Role.Planner),
            nameof(UpdateTenantSettingsRequest) => new UpdateTenantSettingsRequest("Shaadi Studio", "Asia/Kolkata", null),
            nameof(WeddingRequest) => wedding,
            nameof(EventRequest) => new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0),
                "Asia/Kolkata", records.Venue, "Festive", 250, "Notes", EventStatus.Planned, [new TeamAssignment(records.Planner, TeamRole.Coordinator)]),
            nameof(RunOfShowItemRequest) => new RunOfShowItemRequest(new DateTime(2027, 11, 19, 20, 0, 0), 15, "First dance", records.Planner, null, "Lawn", "Notes",
                false, true, RunOfShowStatus.Pending),
            nameof(RunOfShowStatusRequest) => new RunOfShowStatusRequest(RunOfShowStatus.Done),
            nameof(RunOfShowShiftRequest) => new RunOfShowShiftRequest(records.Item, 10),
            nameof(VenueRequest) => new VenueRequest("Samode Palace", "Samode village", "Jaipur", "08", "IN", "https://maps.example.com/samode", 400,
                [new VenueContact("Manager", "Events", "+919876543210", "events@samode.example.com")], "Notes", "Asia/Kolkata"),
            nameof(WeddingTemplateRequest) => new WeddingTemplateRequest("Saved by fuzz", "Description", records.Wedding),
            nameof(WeddingTemplateUpdate) => new WeddingTemplateUpdate("Renamed by fuzz", "Description"),
            nameof(WeddingFromTemplateRequest) => new WeddingFromTemplateRequest(wedding with { Team = null }, new DateOnly(2027, 11, 18), "Asia/Kolkata"),
            nameof(SendMessageRequest) => new SendMessageRequest(MessageChannel.Email, "guest@example.com", "Guest", "announcement", "en",
                new Dictionary<string, string> { ["title"] = "Hello", ["text"] = "See you soon." }, records.Wedding),
            nameof(MessageTemplateRequest) => new MessageTemplateRequest("{{title}}", "{{text}}", "announcement", ["title", "text"]),
            nameof(PreviewMessageRequest) => new PreviewMessageRequest(MessageChannel.Email, "announcement", "en",
                new Dictionary<string, string> { ["title"] = "Hello", ["text"] = "See you soon." }),
            nameof(MessagingSettingsRequest) => new MessagingSettingsRequest(SmsProvider.Msg91),
            nameof(PushSubscriptionRequest) => new PushSubscriptionRequest("https://push.example.com/send/abc",
                new PushSubscriptionKeys("BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", "tBHItJI5svbpez7KI4CCXg")),
            nameof(ReportRequest) => new ReportRequest(ReportKind.WeddingsList, ReportFormat.Csv, records.Wedding, records.Event),
            nameof(HouseholdRequest) => Household,
            nameof(InvitationsRequest) => new InvitationsRequest([new InvitationRequest(records.Event, 4, null)]),
            nameof(RsvpRequest) => new RsvpRequest(null, 3),
            nameof(GuestListSettingsRequest) => new GuestListSettingsRequest(new DateOnly(2027, 11, 1), "Call Asha on 98765 43210"),
            nameof(RoomBlockRequest) => RoomBlock(records.Venue),
            nameof(RoomAllotmentRequest) => new RoomAllotmentRequest(records.Lodgers, [records.Lodger], new DateOnly(2027, 11, 18), new DateOnly(2027, 11, 20)),
            nameof(SeatingTableRequest) => new SeatingTableRequest("Table 1", TableShape.Round, 10, null, "Near the stage"),
            nameof(SeatingPlanRequest) => new SeatingPlanRequest([], "Keep the aisle clear"),
            nameof(TravelLegRequest) => Arrival(records.Lodgers, records.Lodger),
            nameof(VehicleRequest) => new VehicleRequest("Innova Crysta", 6, "RJ14 CA 1234", "Ramesh Kumar", "+91 98290 12345", "Pink City Travels", "Notes"),
            nameof(TripRequest) => new TripRequest(TravelDirection.Arrival, new DateTime(2027, 11, 18, 16, 0, 0), null, "Jaipur Junction", null, null, [], null),
            nameof(TripPlanRequest) => new TripPlanRequest(TravelDirection.Arrival, 60, null),
            nameof(TripNoticeRequest) => new TripNoticeRequest(MessageChannel.Email, "en"),
            nameof(ManifestSendRequest) => new ManifestSendRequest(MessageChannel.Sms, new DateOnly(2027, 11, 18), "en"),
            nameof(VendorRequest) => Vendor,
            nameof(BookingRequest) => Booking(records.Vendor, records.Event),
            nameof(VendorPaymentRequest) => new VendorPaymentRequest(new DateOnly(2026, 1, 15), PaymentMode.Upi, "UTR 4521", 1_000_00, 0, "Notes"),
            nameof(VendorDayLinkRequest) => new VendorDayLinkRequest(MessageChannel.Sms, "en"),
            nameof(BudgetLineRequest) => new BudgetLineRequest("Caterer", "Dinner per plate", null, records.Event, 1_200_00, true, "Notes"),
            nameof(BudgetSettingsRequest) => new BudgetSettingsRequest(FeeModel.PercentOfSpend, null, 1000, true),
            nameof(BudgetWhatIfRequest) => new BudgetWhatIfRequest([new WhatIfHeadcount(records.Event, 300)], [new BudgetLineChange(records.BudgetLine, 5_00_000_00, null, null)],
                null, null),
            nameof(BillingSettingsRequest) => new BillingSettingsRequest("Shubh Vivah Planners LLP", "12 MI Road", "Jaipur", "08", "302001", "998596", "INV", "EST", "CN",
                null, "HDFC Bank, A/c 50100012345678, IFSC HDFC0000001", "Payable within 15 days.", records.RazorpayKeyId, null, null),
            nameof(InvoiceRequest) => Estimate(records.Event),
            nameof(CancelInvoiceRequest) => new CancelInvoiceRequest("Issued to the wrong family"),
            // The studio's instalment sent back unchanged (it keeps its id, which the pay-link routes take), and one more.
            nameof(PaymentPlanRequest) => new PaymentPlanRequest([Advance, new InstalmentRequest(null, "Balance", InstalmentKind.AfterEvent, new DateOnly(2027, 12, 1), 2_00_000_00)]),
            nameof(ClientPaymentRequest) => new ClientPaymentRequest(new DateOnly(2026, 11, 2), PaymentMode.Neft, "NEFT 77120", 10_000_00, "Notes"),
            nameof(RefundRequest) => new RefundRequest(1_00, "Paid twice by mistake"),
            nameof(OnlinePaymentReturn) => new OnlinePaymentReturn("plink_FuzzLink0000001", "0197e0c5a8d94b3f", "paid", "pay_FuzzPay000000001", new string('0', 64)),
            // Automations: a rule that changes nothing by being saved (paused), unlike the studio's own (so a PUT of it changes it).
            nameof(AutomationRuleRequest) => new AutomationRuleRequest("Fuzz rule", AutomationTrigger.LeadCreated, null, null,
                [new AutomationCondition(AutomationConditionKind.LeadSource, Source: LeadSource.Instagram)],
                [new AutomationAction(AutomationActionKind.NotifyStaff, Subject: "New lead", Text: "{{coupleNames}} wrote to us", Staff: AutomationStaff.User, UserId: records.Planner)], Paused: true),
            nameof(CreateCalendarFeedRequest) => new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, records.Wedding),
            nameof(LeadRequest) => FuzzLead with { Names = "Ishita & Kabir" },
            nameof(LeadMoveRequest) => new LeadMoveRequest(records.Stage, null, null),
            nameof(LeadLostRequest) => new LeadLostRequest("Chose another planner"),
            nameof(LeadActivityRequest) => new LeadActivityRequest(LeadActivityKind.Call, "Called back", new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero), null),
            nameof(LeadMergeRequest) => new LeadMergeRequest(records.OtherLead),
            nameof(PipelineStageRequest) => new PipelineStageRequest("Venue visit"),
            nameof(PackageRequest) => ProposalSeeds.NewPackage,
            nameof(ProposalRequest) => ProposalSeeds.NewProposal(new DateOnly(2027, 6, 1)) with
            {
                Plan = [new ProposalInstalmentRequest("Advance", InstalmentKind.Advance, new DateOnly(2027, 6, 15), 10_000)],
            },
            nameof(SendProposalRequest) => new SendProposalRequest([MessageChannel.Email]),
            nameof(AcceptProposalRequest) => new AcceptProposalRequest(1, [], "Aanya Mehta"),
            nameof(AskForChangesRequest) => new AskForChangesRequest(1, "Could the sangeet be added?", "Aanya"),
            nameof(ContractTemplateRequest) => new ContractTemplateRequest("Fuzz agreement", "# Agreement\n\nFor {{couple.names}}: {{fee}} ({{fee.words}})."),
            nameof(ContractRequest) => new ContractRequest(records.ContractTemplate, null, null, 3_00_000_00,
                [new InstalmentRequest(null, "Advance", InstalmentKind.Advance, new DateOnly(2027, 5, 1), 3_00_000_00)], "Fuzz terms", "Samode Palace"),
            nameof(CountersignRequest) => new CountersignRequest("Asha Admin", ContractTests.Signature(), true),
            nameof(StockItemRequest) => new StockItemRequest("Brass urli", StockCategory.Decor, "piece", 40, "Jaipur godown", 2_500_00, 5, 0, null, "Polish before use"),
            nameof(TaskRequest) => new TaskRequest("Book the mehendi artist", "Two artists for the ladies' side", null, [records.Admin], TaskPriority.High, TaskState.ToDo,
                new TaskDue(On: new DateOnly(2027, 9, 1))),
            nameof(TaskTemplateRequest) => new TaskTemplateRequest("Fuzz checklist", "Six months out", [new TaskTemplateItem("Book the venue", null, TaskPriority.High, DaysBefore: 180)]),
            _ => null,
        };
        return known is not null ? JsonSerializer.SerializeToNode(known, known.GetType(), Api.Json)! : FromSchema(schema, document, depth: 0) ?? new JsonObject();
    }

    private static readonly LeadRequest FuzzLead = new("Aanya & Rohan", "Meera Kapoor", "+91 98765 43210", "aanya.fuzz@example.com", "Rohan", null,
        [new DateOnly(2027, 11, 18), new DateOnly(2027, 11, 20)], ["Mehendi", "Wedding"], "Jaipur", 300, BudgetBand.From25To50Lakh, LeadSource.Instagram, "A palace", null, null);

    /// <summary>Part paid by the studio's payment (₹10,000 of ₹50,000), so that a pay link for it asks Razorpay for the rest.</summary>
    private static readonly InstalmentRequest Advance = new(null, "Booking advance", InstalmentKind.Advance, new DateOnly(2027, 5, 1), 50_000_00);

    private static InvoiceRequest Estimate(Guid @event) => new(InvoiceKind.Estimate, new InvoiceRecipient("Meera Kapoor", "14 Civil Lines", "Jaipur", "08", "IN", null),
        [new InvoiceLineRequest("Wedding planning and coordination", "998596", 1, 2_50_000_00, 1800)], @event, null, new DateOnly(2027, 6, 1), false, "Notes");

    private static RoomBlockRequest RoomBlock(Guid hotel) =>
        new(hotel, "Deluxe double", 10, new DateOnly(2027, 11, 18), new DateOnly(2027, 11, 21), 12_500_00, RoomPayer.Family, "Lake side");

    private static readonly VendorRequest Vendor = new("Sharma Caterers", ["Caterer"], [new VendorContact("Rakesh Sharma", "Owner", "+91 98290 11111", "rakesh@sharma.example.com")],
        "27AAACR5055K1Z7", null, "MI Road", "Jaipur", null, null, 4, "Notes");

    private static BookingRequest Booking(Guid vendor, Guid @event) => new(vendor, @event, "Sangeet dinner", "Caterer", BookingStatus.Booked,
        [new QuoteLineRequest("Dinner", null, 1_200_00, true, 500), new QuoteLineRequest("Live counters", 2, 25_000_00, null, 1800)],
        [new InstalmentRequest(null, "Advance", InstalmentKind.Advance, new DateOnly(2027, 10, 1), 20_000_00)], new DateTime(2027, 11, 19, 17, 0, 0), "Rakesh",
        "+91 98290 11111", "Notes");

    private static TravelLegRequest Arrival(Guid household, Guid guest) => new(household, [guest], TravelDirection.Arrival, TravelMode.Flight,
        new DateTime(2027, 11, 18, 10, 0, 0), "Asia/Kolkata", "IndiGo", "6E 2131", "Jaipur International Airport", "T2", true, "Notes");

    private static readonly HouseholdRequest Household = new("Mehta family", GuestSide.Groom, "Office", "+91 98765 43210", "mehta@example.com", "Pune",
        "Maharashtra", "IN", ["outstation"], "Notes", new TravelPlan(new DateTime(2027, 11, 18, 14, 0, 0), "6E 2134", null, null),
        [new GuestRequest(null, "Anil Mehta", null, "Mr", AgeGroup.Adult, Diet.Veg, null, null, null, null), new GuestRequest(null, null, null, null, AgeGroup.Child, null, null, null, null, "Anil Mehta")]);

    /// <summary>A plausible value for a schema nobody wrote a sample for (a new endpoint).</summary>
    public static JsonNode? FromSchema(JsonObject schema, JsonObject document, int depth)
    {
        if (depth > 5)
        {
            return null;
        }
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return FromSchema(document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject(), document, depth + 1);
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
        {
            var choice = choices.AsArray().Select(c => c!.AsObject()).FirstOrDefault(c => (string?)c["type"] != "null");
            return choice is null ? null : FromSchema(choice, document, depth + 1);
        }
        if (schema["enum"] is JsonArray values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).ToList(),
            JsonValue one => [(string)one!],
            _ => schema["properties"] is not null ? ["object"] : ["string"],
        };
        var type = types.FirstOrDefault(t => t != "null") ?? "null";
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, FromSchema(p.Value!.AsObject(), document, depth + 1)))
                .Concat(schema["additionalProperties"] is JsonObject values2 ? [KeyValuePair.Create("key", FromSchema(values2, document, depth + 1))] : [])),
            "array" => schema["items"] is JsonObject items ? new JsonArray(FromSchema(items, document, depth + 1)) : new JsonArray(),
            "integer" or "number" => 1,
            "boolean" => true,
            "null" => null,
            _ => (string?)schema["format"] switch
            {
                "uuid" => Guid.CreateVersion7().ToString(),
                "date" => "2027-02-14",
                "date-time" => "2027-02-14T18:00:00",
                "time" => "18:00:00",
                "email" => "someone@example.com",
                "uri" => "https://example.com/",
                _ => "Sample",
            },
        };
    }

    public static async Task<Records> CreateRecordsAsync(Studio studio, HttpClient admin)
    {
        var me = await admin.GetAsync<MeResponse>("/api/v1/me");
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var venue = await (await admin.PostJsonAsync("/api/v1/venues", new VenueRequest("Samode Palace", null, "Jaipur", "08", null, null, 400, null, null, null)))
            .ReadAsync<VenueResponse>(HttpStatusCode.Created);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Fuzz wedding", "Meera", "Sahil", new DateOnly(2027, 11, 20), "Jaipur",
            WeddingStatus.Booked, 10_000_00, 300, null, [new TeamAssignment(planner.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var @event = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Sangeet, "Sangeet",
            new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0), null, venue.Id, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var item = await (await admin.PostJsonAsync($"/api/v1/events/{@event.Id}/run-of-show", new RunOfShowItemRequest(new DateTime(2027, 11, 19, 20, 0, 0), 15,
            "First dance", null, null, null, null, null, true, null))).ReadAsync<RunOfShowItemResponse>(HttpStatusCode.Created);
        var template = await (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("Fuzz template", null, wedding.Id)))
            .ReadAsync<WeddingTemplateResponse>(HttpStatusCode.Created);
        var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", Household)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations", new InvitationsRequest([new InvitationRequest(@event.Id, 4, null)]), "\"1\""))
            .EnsureSuccessStatusCode();
        // Made unlike the samples above, so that a PUT of a sample changes them.
        var block = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/room-blocks", RoomBlock(venue.Id) with { RoomType = "Suite" }))
            .ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);
        var lodgers = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", Household with { DisplayName = "Kapoor family" }))
            .ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        var room = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/room-blocks/{block.Id}/rooms",
            new RoomAllotmentRequest(lodgers.Id, [lodgers.Members[0].Id], new DateOnly(2027, 11, 18), new DateOnly(2027, 11, 19)))).ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);
        var table = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events/{@event.Id}/seating/tables", new SeatingTableRequest("Table 9", TableShape.Long, 8, null, null)))
            .ReadAsync<SeatingTableResponse>(HttpStatusCode.Created);
        var leg = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/travel", Arrival(lodgers.Id, lodgers.Members[0].Id) with
            { Number = "AI 475", Time = new DateTime(2027, 11, 18, 12, 0, 0) })).ReadAsync<TravelLegResponse>(HttpStatusCode.Created);
        var vehicle = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/vehicles", new VehicleRequest("Tempo Traveller", 12, null, "Suresh", "98290 54321", null, null)))
            .ReadAsync<VehicleResponse>(HttpStatusCode.Created);
        var trip = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/trips", new TripRequest(TravelDirection.Arrival, new DateTime(2027, 11, 18, 12, 30, 0), null,
            "Jaipur International Airport", "T2", vehicle.Id, [leg.Id], null))).ReadAsync<TripResponse>(HttpStatusCode.Created);
        // Made unlike the samples above, so that a PUT of a sample changes them.
        var vendor = await (await admin.PostJsonAsync("/api/v1/vendors", Vendor with { Name = "Royal Tent House", Categories = ["Tent house"], Gstin = null }))
            .ReadAsync<VendorResponse>(HttpStatusCode.Created);
        var booking = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/bookings", Booking(vendor.Id, @event.Id) with { Service = "Shamiana" }))
            .ReadAsync<BookingResponse>(HttpStatusCode.Created);
        var payment = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/bookings/{booking.Id}/payments",
            new VendorPaymentRequest(new DateOnly(2026, 1, 10), PaymentMode.Neft, "NEFT 1", 5_000_00, null, null))).ReadAsync<VendorPaymentResponse>(HttpStatusCode.Created);
        var line = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/budget/lines", new BudgetLineRequest("Decorator", "Mandap", 3_00_000_00, null, null, null, null)))
            .ReadAsync<BudgetLineResponse>(HttpStatusCode.Created);
        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/budget/settings", new BudgetSettingsRequest(FeeModel.Fixed, 1_00_000_00, null, false), "\"0\""))
            .EnsureSuccessStatusCode();
        // Billing: a Razorpay account, a draft and an issued estimate, a plan with an instalment, a payment from the couple.
        var razorpay = RazorpayStandIn.Instance.NewAccount("Fuzz Planners");
        (await admin.PutJsonAsync("/api/v1/billing/settings", new BillingSettingsRequest("Fuzz Planners LLP", "1 MI Road", "Jaipur", "08", "302001", null, null, null, null, null, null, null,
            razorpay.KeyId, razorpay.KeySecret, razorpay.WebhookSecret), "*")).EnsureSuccessStatusCode();
        // Made unlike the sample, so that a PUT of the sample changes it.
        var draft = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/invoices", Estimate(@event.Id) with { Notes = "Draft" })).ReadAsync<InvoiceResponse>(HttpStatusCode.Created);
        var estimate = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/invoices", Estimate(@event.Id))).ReadAsync<InvoiceResponse>(HttpStatusCode.Created);
        using (var issue = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/weddings/{wedding.Id}/invoices/{estimate.Id}/issue"))
        {
            issue.Headers.TryAddWithoutValidation("If-Match", $"\"{estimate.Version}\"");
            (await admin.SendAsync(issue, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }
        var plan = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/payment-plan",
            new PaymentPlanRequest([Advance]), "\"0\""))
            .ReadAsync<PaymentPlanResponse>();
        var received = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/payments",
            new ClientPaymentRequest(new DateOnly(2026, 10, 5), PaymentMode.Cash, null, 10_000_00, null))).ReadAsync<ClientPaymentResponse>(HttpStatusCode.Created);
        var lead = await (await admin.PostJsonAsync("/api/v1/leads", FuzzLead)).ReadAsync<LeadResponse>(HttpStatusCode.Created);
        var followUp = await (await admin.PostJsonAsync($"/api/v1/leads/{lead.Id}/activities", new LeadActivityRequest(LeadActivityKind.Meeting, "Met", DateTimeOffset.UtcNow.AddDays(2), null)))
            .ReadAsync<LeadActivityResponse>(HttpStatusCode.Created);
        var otherLead = await (await admin.PostJsonAsync("/api/v1/leads", FuzzLead with { Names = "Aanya R.", Email = "aanya.other@example.com" })).ReadAsync<LeadResponse>(HttpStatusCode.Created);
        var stage = await (await admin.PostJsonAsync("/api/v1/pipeline/stages", new PipelineStageRequest("Fuzz stage"))).ReadAsync<PipelineStageResponse>(HttpStatusCode.Created);
        // Automations: a rule of the studio's own.
        var automation = await (await admin.PostJsonAsync("/api/v1/automations", new AutomationRuleRequest("Event in a week", AutomationTrigger.EventSoon, null, 7, [],
            [new AutomationAction(AutomationActionKind.NotifyStaff, Subject: "Soon", Text: "{{eventName}} on {{eventDate}}", Staff: AutomationStaff.Team)])))
            .ReadAsync<AutomationRuleResponse>(HttpStatusCode.Created);
        // Proposals: a proposal of the lead and a package, made unlike the samples.
        var proposal = await (await admin.PostJsonAsync($"/api/v1/leads/{lead.Id}/proposals", ProposalSeeds.NewProposal(new DateOnly(2027, 6, 1)) with { Title = "Fuzz proposal" }))
            .ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var package = await (await admin.PostJsonAsync("/api/v1/packages", ProposalSeeds.NewPackage with { Name = "Fuzz package" })).ReadAsync<PackageResponse>(HttpStatusCode.Created);
        // Contracts: a template of the studio's own, a contract of the lead from the built-in template (unlike the samples).
        var contractTemplate = await (await admin.PostJsonAsync("/api/v1/contract-templates", new ContractTemplateRequest("Décor agreement", "For {{couple.names}}.")))
            .ReadAsync<ContractTemplateResponse>(HttpStatusCode.Created);
        var contract = await ContractTests.NewContractAsync(admin, lead.Id);
        // Stock, tasks and a checklist template, made unlike the samples.
        var stockItem = await (await admin.PostJsonAsync("/api/v1/inventory/items", new StockItemRequest("Mandap set", StockCategory.MandapSets, "set", 2, null, 1_00_000_00, 0, 0, null, null)))
            .ReadAsync<StockItemResponse>(HttpStatusCode.Created);
        var task = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/tasks", new TaskRequest("Confirm the tent", null, null, [me.Id], TaskPriority.Normal, TaskState.ToDo,
            new TaskDue(Anchor: DueAnchor.Wedding, Days: -30), [new TaskChecklistItem(null, "Call Royal Tent House")]))).ReadAsync<TaskDetailResponse>(HttpStatusCode.Created);
        var taskTemplate = await (await admin.PostJsonAsync("/api/v1/task-templates", new TaskTemplateRequest("Studio checklist", null, [new TaskTemplateItem("Send the save-the-date", DaysBefore: 120)])))
            .ReadAsync<TaskTemplateResponse>(HttpStatusCode.Created);
        return new Records(me.Id, planner.Id, wedding.Id, @event.Id, item.Id, venue.Id, template.Id, household.Id, lodgers.Id, lodgers.Members[0].Id, block.Id,
            room.Allotments[0].Id, table.Id, leg.Id, vehicle.Id, trip.Id, vendor.Id, booking.Id, payment.Id, line.Id, studio.Slug,
            draft.Id, estimate.Id, plan.Instalments[0].Instalment.Id, received.Id, razorpay.KeyId, lead.Id, followUp.Id, otherLead.Id, stage.Id,
            automation.Id, proposal.Id, package.Id, contractTemplate.Id, contract.Id, stockItem.Id, task.Task.Id, taskTemplate.Id);
    }
}
