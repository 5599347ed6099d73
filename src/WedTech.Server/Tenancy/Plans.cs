namespace WedTech.Server.Tenancy;

/// <summary>A plan as a studio chooses it at signup: its price, and what it includes as the modules that enforce it say.</summary>
public sealed record Plan(TenantPlan Id, string Name, long? PaisePerMonth, string ForWhom, IReadOnlyList<string> Includes);

/// <summary>What a plan includes, told by the module that holds it to that (messages a day: Messaging).</summary>
public interface IPlanAllowances
{
    IEnumerable<string> Includes(TenantPlan plan);
}

/// <summary>The plans on offer. Prices are per studio per month, before GST; Enterprise is agreed with each studio.</summary>
public sealed class Plans(IEnumerable<IPlanAllowances> allowances)
{
    private static readonly (TenantPlan Id, string Name, long? PaisePerMonth, string ForWhom)[] Offer =
    [
        (TenantPlan.Starter, "Starter", 2_999_00, "A planner starting out, a few weddings a season."),
        (TenantPlan.Professional, "Professional", 7_999_00, "A studio with a team and weddings most weekends."),
        (TenantPlan.Premium, "Premium", 19_999_00, "Destination and large weddings, many at once."),
        (TenantPlan.Enterprise, "Enterprise", null, "Groups of studios; agreed with you."),
    ];

    public IReadOnlyList<Plan> All =>
    [
        .. Offer.Select(p => new Plan(p.Id, p.Name, p.PaisePerMonth, p.ForWhom,
            ["Unlimited weddings, events and team members", .. allowances.SelectMany(a => a.Includes(p.Id))])),
    ];
}
