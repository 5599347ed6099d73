namespace WedTech.App.Features.Weddings.Components;

/// <summary>The editable form of a wedding: budget in rupees as people type it, sent as paise.</summary>
public sealed class WeddingFormModel
{
    public string Title { get; set; } = "";
    public string BrideName { get; set; } = "";
    public string GroomName { get; set; } = "";
    public DateTime? PrimaryDate { get; set; }
    public string? City { get; set; }
    public WeddingStatus Status { get; set; } = WeddingStatus.Inquiry;
    public decimal? BudgetRupees { get; set; }
    public int? GuestCount { get; set; }
    public string? Notes { get; set; }
    public List<TeamMemberModel> Team { get; set; } = [];

    public static WeddingFormModel From(WeddingResponse wedding) => new()
    {
        Title = wedding.Title,
        BrideName = wedding.BrideName,
        GroomName = wedding.GroomName,
        PrimaryDate = wedding.PrimaryDate.ToDateTime(TimeOnly.MinValue),
        City = wedding.City,
        Status = wedding.Status,
        BudgetRupees = wedding.EstimatedBudgetPaise / 100m,
        GuestCount = wedding.GuestCountEstimate,
        Notes = wedding.Notes,
        Team = wedding.Team.Select(t => new TeamMemberModel { UserId = t.UserId, Role = t.Role }).ToList(),
    };

    /// <summary>The largest budget the API takes, in rupees (₹1,000 crore).</summary>
    public const decimal MaxBudgetRupees = 100_000_000_000m;

    /// <summary>Rupees as typed, to whole paise, rounded the way the form shows them.</summary>
    public static long Paise(decimal rupees) => (long)decimal.Round(rupees * 100, MidpointRounding.AwayFromZero);

    /// <summary>The request; rupees become whole paise (the server keeps a budget the caller may not see).</summary>
    public WeddingRequest ToRequest() => new(
        Title.Trim(), BrideName.Trim(), GroomName.Trim(),
        PrimaryDate is { } date ? DateOnly.FromDateTime(date) : null,
        string.IsNullOrWhiteSpace(City) ? null : City.Trim(),
        Status,
        BudgetRupees is { } rupees ? Paise(rupees) : null,
        GuestCount,
        string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        Team.Where(t => t.UserId is not null).Select(t => new TeamAssignment(t.UserId, t.Role)).ToList());
}

public sealed class TeamMemberModel
{
    public Guid? UserId { get; set; }
    public TeamRole Role { get; set; } = TeamRole.Coordinator;
}
