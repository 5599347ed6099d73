using WedTech.Server.Tenancy.Catalog;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Agreements;

/// <summary>The contract template a new studio starts with: an Indian wedding-planning services agreement.</summary>
internal sealed class ContractTemplatesSeeder(TimeProvider time) : ITenantSeeder
{
    public const string BuiltInTitle = "Wedding planning services agreement";

    public const string BuiltInBody = """
        # Wedding planning services agreement

        This agreement is made on {{today}} between {{studio.name}} ("the Planner") and {{contact.name}}, for the wedding of {{couple.names}} ("the Client").

        ## 1. The wedding
        - Dates: {{dates}}
        - Events: {{events}}
        - City: {{city}}
        - Venues: {{venues}}

        ## 2. The Planner's services
        The Planner will plan, design and coordinate the events listed above: building the budget and timeline, recommending and booking vendors on the Client's behalf, managing guest hospitality and RSVPs, preparing the run-of-show, and coordinating every event on the day with a team present at the venue.

        Vendors are engaged and paid by the Client directly unless agreed otherwise in writing. The Planner is not liable for a vendor's failure to perform, but will use its best efforts to find a replacement.

        ## 3. Fees
        The Planner's fee is {{fee}} ({{fee.words}}), plus GST as applicable. It does not include vendors' charges, venue hire, travel and stay of the Planner's team outside {{city}}, or government levies, which are billed at actuals.

        ## 4. Payment plan
        {{payment_plan}}

        Payments are made by bank transfer or UPI against the Planner's tax invoices. A payment more than 15 days late may pause work until it is made.

        ## 5. Cancellation and postponement
        {{cancellation_terms}}

        A postponement to new dates within 12 months, agreed in writing, is not a cancellation; fees already paid carry over to the new dates.

        ## 6. Force majeure
        Neither party is liable for failing to perform because of events beyond its reasonable control, including natural disasters, epidemics, government orders and civil unrest. The parties will agree new dates in good faith.

        ## 7. Photographs and confidentiality
        The Planner may use photographs of the décor and set-up (not of the guests) in its portfolio unless the Client refuses in writing. Each party keeps the other's personal and commercial information confidential.

        ## 8. Law and disputes
        This agreement is governed by the laws of India. The parties will first try to settle any dispute amicably; failing that, the courts of the Planner's city have jurisdiction.

        ## 9. Electronic signature
        The parties agree that this agreement may be signed electronically, and that an electronic signature is as valid as a handwritten one under section 3A of the Information Technology Act, 2000.
        """;

    public const string DefaultCancellationTerms =
        "If the Client cancels more than 90 days before the first event, payments made beyond the advance are refunded. Within 90 days, 50% of the fee is payable; within 30 days, the whole fee. The advance is not refundable.";

    public async Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        if (await db.ContractTemplates.AnyAsync(t => t.BuiltIn, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        db.ContractTemplates.Add(new ContractTemplate { Title = BuiltInTitle, Body = BuiltInBody, BuiltIn = true, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }
}
