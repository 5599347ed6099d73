using System.Collections.Frozen;

namespace WedTech.Contracts;

/// <summary>
/// The one permission table. Endpoints name a permission; policies check it against the caller's
/// current role. The server enforces it, the app uses it to choose what to show;
/// the README shows it and a test walks it for every role.
/// </summary>
public static class Permissions
{
    public const string WeddingView = "wedding:view";
    /// <summary>See every wedding of the studio; without it a user sees only weddings whose team they are on.</summary>
    public const string WeddingViewAll = "wedding:view-all";
    public const string WeddingCreate = "wedding:create";
    public const string WeddingEdit = "wedding:edit";
    public const string WeddingDelete = "wedding:delete";
    public const string ClientView = "client:view";
    public const string ClientCreate = "client:create";
    public const string ClientEdit = "client:edit";
    public const string ClientDelete = "client:delete";
    public const string FinancialView = "financial:view";
    public const string FinancialCreate = "financial:create";
    public const string FinancialEdit = "financial:edit";
    public const string TeamView = "team:view";
    public const string UserManage = "user:manage";
    public const string SettingsView = "settings:view";
    public const string SettingsEdit = "settings:edit";
    public const string AuditView = "audit:view";
    /// <summary>Send e-mail, SMS, WhatsApp and push messages to guests, vendors and clients; see the outbox.</summary>
    public const string MessageSend = "message:send";
    /// <summary>Attach files to records the caller may see. Seeing and downloading files follows seeing their record.</summary>
    public const string FileUpload = "file:upload";
    public const string FileDelete = "file:delete";
    /// <summary>See what is for the studio only: internal notes, staff-only run-of-show items, clashes with other weddings.</summary>
    public const string WeddingInternal = "wedding:internal";
    /// <summary>Mark run-of-show items in progress, done or slipped, on the day. Changing the schedule itself is wedding:edit.</summary>
    public const string RunOfShowProgress = "runofshow:progress";
    public const string VenueView = "venue:view";
    public const string VenueManage = "venue:manage";
    /// <summary>Save, rename and delete wedding templates. Creating a wedding from one is wedding:create.</summary>
    public const string TemplateManage = "template:manage";
    /// <summary>See a wedding's guest list (names, contact, dietary, travel) and its headcounts, for the weddings the caller sees.</summary>
    public const string GuestView = "guest:view";
    /// <summary>Add, change and remove households and guests, invite them to events and import lists.</summary>
    public const string GuestManage = "guest:manage";
    /// <summary>Record an RSVP answer given in person or on the phone.</summary>
    public const string GuestAnswer = "guest:answer";
    /// <summary>Download the guest list with its personal data (phones, e-mails, addresses).</summary>
    public const string GuestExport = "guest:export";
    /// <summary>See and open guests' ID documents for the hotel (every opening is audited), and delete them.</summary>
    public const string GuestDocuments = "guest:documents";
    /// <summary>Hold rooms at hotels for a wedding and give them to guests. Seeing rooms is guest:view; their rates need financial:view.</summary>
    public const string RoomManage = "room:manage";
    /// <summary>Check guests in at an event's door (by their guest pass or by name) and undo an arrival.</summary>
    public const string GuestCheckIn = "guest:checkin";
    /// <summary>Add and change an event's tables, seat guests, keep pairs apart, arrange automatically. Seeing the seating is guest:view.</summary>
    public const string SeatingManage = "seating:manage";
    /// <summary>Record guests' arrivals and departures, keep the wedding's vehicles and plan, change and announce pickups. Seeing them is guest:view.</summary>
    public const string TravelManage = "travel:manage";
    /// <summary>See the vendors booked for the weddings and events the caller sees: who, the service, the day's contact and arrival time. No money.</summary>
    public const string VendorView = "vendor:view";
    /// <summary>Keep the studio's vendor book and book vendors for weddings; amounts in them also need financial:create or financial:edit.</summary>
    public const string VendorManage = "vendor:manage";
    /// <summary>See the budget the studio shares with the couple. The studio's own budget (costs, payments, margin) is financial:view.</summary>
    public const string BudgetShared = "budget:shared";
    /// <summary>
    /// The couple's own billing: the tax invoices and credit notes issued to them, their receipts, their payment plan, and
    /// paying an instalment online. Staff see and keep all of it with financial:view, financial:create and financial:edit.
    /// </summary>
    public const string BillingOwn = "billing:own";
    /// <summary>See the studio's leads: the pipeline, inquiries, activities, proposals and contracts, and conversion by source.</summary>
    public const string LeadView = "lead:view";
    /// <summary>Add, change, move and merge leads; record activities; write and send proposals and contracts; mark a lead won or lost.</summary>
    public const string LeadManage = "lead:manage";
    /// <summary>Countersign a contract the couple has signed, for the studio.</summary>
    public const string ContractCountersign = "contract:countersign";
    /// <summary>Make, change, pause and resume the studio's automations (a trigger, conditions and actions that run by themselves).</summary>
    public const string AutomationManage = "automation:manage";
    /// <summary>The couple's own proposals and contracts, once their lead is their wedding: read them and download the signed PDF.</summary>
    public const string ContractOwn = "contract:own";
    /// <summary>See the tasks of the weddings the caller sees, their checklists, comments and files, and "my tasks".</summary>
    public const string TaskView = "task:view";
    /// <summary>Add, change, assign and remove tasks; keep the task templates and apply them to weddings.</summary>
    public const string TaskManage = "task:manage";
    /// <summary>Move a task's status, tick its checklist items and comment, on the weddings the caller sees.</summary>
    public const string TaskProgress = "task:progress";
    /// <summary>The couple's own tasks: the ones assigned to them on their wedding(s), to read, tick and comment on.</summary>
    public const string TaskOwn = "task:own";
    /// <summary>See the studio's stock, its availability across weddings, the reservations and the pick lists. Replacement costs need financial:view.</summary>
    public const string InventoryView = "inventory:view";
    /// <summary>Keep the stock (items, warehouses, flags) and reserve it for events; replacement costs also need financial:create or financial:edit.</summary>
    public const string InventoryManage = "inventory:manage";
    /// <summary>Check reserved items out to an event and back in, with the missing and damaged counts.</summary>
    public const string InventoryHandle = "inventory:handle";

    public static readonly IReadOnlyList<string> All =
    [
        WeddingView, WeddingViewAll, WeddingCreate, WeddingEdit, WeddingDelete,
        ClientView, ClientCreate, ClientEdit, ClientDelete,
        FinancialView, FinancialCreate, FinancialEdit,
        TeamView, UserManage, SettingsView, SettingsEdit, AuditView, MessageSend,
        FileUpload, FileDelete, WeddingInternal, RunOfShowProgress, VenueView, VenueManage, TemplateManage,
        GuestView, GuestManage, GuestAnswer, GuestExport, GuestDocuments, RoomManage, GuestCheckIn, SeatingManage, TravelManage,
        VendorView, VendorManage, BudgetShared, BillingOwn,
        LeadView, LeadManage, ContractCountersign, AutomationManage, ContractOwn,
        TaskView, TaskManage, TaskProgress, TaskOwn, InventoryView, InventoryManage, InventoryHandle,
    ];

    public static readonly FrozenDictionary<Role, FrozenSet<string>> ByRole = new Dictionary<Role, FrozenSet<string>>
    {
        [Role.Admin] = All.ToFrozenSet(),
        [Role.Planner] = FrozenSet.Create(
            WeddingView, WeddingViewAll, WeddingCreate, WeddingEdit,
            ClientView, ClientCreate, ClientEdit,
            FinancialView, FinancialCreate,
            TeamView, SettingsView, MessageSend,
            FileUpload, FileDelete, WeddingInternal, RunOfShowProgress, VenueView, VenueManage, TemplateManage,
            GuestView, GuestManage, GuestAnswer, GuestExport, GuestDocuments, RoomManage, GuestCheckIn, SeatingManage, TravelManage,
            VendorView, VendorManage, BudgetShared,
            LeadView, LeadManage,
            TaskView, TaskManage, TaskProgress, InventoryView, InventoryManage, InventoryHandle),
        // Coordinators run the day at the venue: their weddings, their clients' details, never money;
        // they attach what they collect there (receipts, signed delivery notes, photos) and tick off the run-of-show;
        // they see their weddings' guests, record the answers guests give them in person and check them in at the door;
        // they meet guests off their flights and trains, so they keep the pickups; they call the vendors of their events on the day;
        // they work their weddings' tasks and take the stock out to the venue and back.
        [Role.Coordinator] = FrozenSet.Create(WeddingView, ClientView, FileUpload, WeddingInternal, RunOfShowProgress, VenueView, GuestView, GuestAnswer, GuestCheckIn,
            TravelManage, VendorView, TaskView, TaskProgress, InventoryView, InventoryHandle),
        // The couple: their own wedding(s) only, whose guest list they keep with the studio.
        // They see the budget the studio shares with them, never the vendors' costs; they see their own invoices and receipts, and pay;
        // they read the proposals they accepted and the contracts they signed; they tick off the tasks the studio gives them.
        [Role.Client] = FrozenSet.Create(WeddingView, GuestView, GuestManage, GuestAnswer, BudgetShared, BillingOwn, ContractOwn, TaskOwn),
    }.ToFrozenDictionary();

    public static bool Has(Role role, string permission) => ByRole[role].Contains(permission);
}
