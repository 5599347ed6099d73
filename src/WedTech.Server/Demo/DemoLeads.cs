using WedTech.Server.Leads;

namespace WedTech.Server.Demo;

/// <summary>
/// The demo studio's pipeline: inquiries from the form, Instagram and WedMeGood, referrals, in every stage from new to
/// lost, each with the lines of its timeline a planner would have by now.
/// </summary>
internal static class DemoLeads
{
    private static readonly (string Names, string Contact, string Phone, string? Email, string City, int DaysAhead, int Guests, BudgetBand Budget,
        LeadSource Source, string[] Events, int Stage, int DaysAgo, string? LostReason)[] Couples =
    [
        ("Aarohi & Kunal", "Aarohi Desai", "+919820011001", "aarohi.desai@example.com", "Udaipur", 240, 300, BudgetBand.From50LakhTo1Crore, LeadSource.Website, ["Mehendi", "Sangeet", "Wedding"], 0, 0, null),
        ("Nandini & Siddharth", "Rekha Iyer", "+919840022002", "rekha.iyer@example.com", "Chennai", 300, 500, BudgetBand.From1To2Crore, LeadSource.Instagram, ["Wedding", "Reception"], 0, 1, null),
        ("Harleen & Jaideep", "Harleen Kaur", "+919814033003", null, "Amritsar", 180, 450, BudgetBand.From25To50Lakh, LeadSource.WedMeGood, ["Anand Karaj", "Reception"], 1, 3, null),
        ("Tanvi & Omkar", "Tanvi Kulkarni", "+919822044004", "tanvi.k@example.com", "Pune", 200, 250, BudgetBand.From25To50Lakh, LeadSource.Referral, ["Haldi", "Wedding"], 1, 5, null),
        ("मानसी और अभिषेक", "सुधा अग्रवाल", "+919829055005", "sudha.agarwal@example.com", "Jaipur", 150, 600, BudgetBand.Above2Crore, LeadSource.Website, ["Mehendi", "Sangeet", "Wedding", "Reception"], 2, 8, null),
        ("Fatima & Imran", "Fatima Sheikh", "+919833066006", "fatima.sheikh@example.com", "Mumbai", 120, 350, BudgetBand.From50LakhTo1Crore, LeadSource.Instagram, ["Mehendi", "Nikah", "Walima"], 3, 12, null),
        ("Riya & Dev", "Riya Malhotra", "+919811077007", "riya.m@example.com", "Goa", 90, 120, BudgetBand.From10To25Lakh, LeadSource.WeddingWire, ["Wedding"], 5, 40, "Chose a Goa-based planner"),
        ("Aditi & Karthik", "Aditi Rao", "+919845088008", "aditi.rao@example.com", "Bengaluru", 100, 200, BudgetBand.Under10Lakh, LeadSource.Phone, ["Wedding"], 5, 25, "Budget too small for a full-service plan"),
    ];

    /// <summary>The leads with their timelines, in the studio's starting stages, followed by the demo planner.</summary>
    public static (List<Lead> Leads, List<LeadActivity> Timeline) For(IReadOnlyList<PipelineStage> stages, Guid planner, DateOnly today, DateTimeOffset now)
    {
        var ordered = stages.OrderBy(s => s.Position).ToList();
        var leads = new List<Lead>();
        var timeline = new List<LeadActivity>();
        foreach (var (c, index) in Couples.Select((c, i) => (c, i)))
        {
            var created = now.AddDays(-c.DaysAgo).AddHours(-index);
            var stage = ordered[Math.Min(c.Stage, ordered.Count - 1)];
            var lead = new Lead
            {
                Names = c.Names, ContactName = c.Contact, Phone = c.Phone, Email = c.Email, City = c.City, GuestEstimate = c.Guests,
                Budget = c.Budget, Source = c.Source, Events = [.. c.Events], Dates = [today.AddDays(c.DaysAhead)],
                Message = c.Source == LeadSource.Website ? "We loved your Instagram page. Could you share packages for our dates?" : null,
                StageId = stage.Id, Position = index, StageChangedAt = created, AssigneeId = c.Stage > 0 ? planner : null,
                LostReason = c.LostReason, CreatedAt = created, UpdatedAt = created,
            };
            lead.RefreshSearchText();
            leads.Add(lead);
            timeline.Add(new LeadActivity
            {
                LeadId = lead.Id, At = created,
                Kind = c.Source == LeadSource.Website ? LeadActivityKind.InquiryReceived : LeadActivityKind.Created,
                Text = c.Source == LeadSource.Website ? "Inquiry from the studio's website." : $"Added from {c.Source}.",
            });
            if (c.Stage >= 1)
            {
                timeline.Add(new LeadActivity
                {
                    LeadId = lead.Id, At = created.AddHours(3), Kind = LeadActivityKind.Call, ByUserId = planner,
                    Text = "Spoke to the family; they want a walk-through of venues next week.",
                    FollowUpAt = c.Stage < 3 ? now.AddDays(1) : null, FollowUpUserId = c.Stage < 3 ? planner : null,
                });
            }
            if (c.Stage != 0)
            {
                timeline.Add(new LeadActivity
                {
                    LeadId = lead.Id, At = created.AddDays(1), Kind = c.LostReason is null ? LeadActivityKind.StageChanged : LeadActivityKind.Lost, ByUserId = planner, StageId = stage.Id,
                    Text = c.LostReason is { } reason ? $"Lost: {reason}." : $"Moved to {stage.Name}.",
                });
            }
        }
        return (leads, timeline);
    }
}
