namespace WedTech.App.Features.Proposals;

/// <summary>
/// What the proposal editor holds: title, intro, lines (prices typed in rupees, decimal, sent in paise), the discount (rupees,
/// or a percentage), the validity date and the plan in percentages. The totals shown are the server's, after each save.
/// </summary>
public sealed class ProposalFormModel
{
    public string Title { get; set; } = "";
    public string? Intro { get; set; }
    public List<LineRow> Lines { get; } = [];
    public DiscountKind? DiscountKind { get; set; }
    public decimal? Discount { get; set; }
    public DateTime? ValidUntil { get; set; }
    public List<InstalmentRow> Plan { get; } = [];

    public sealed class LineRow
    {
        public string Service { get; set; } = "";
        public string? Description { get; set; }
        public int? Quantity { get; set; } = 1;
        public decimal? UnitRupees { get; set; }
        public int GstRateBasisPoints { get; set; } = 1800;
        public bool Optional { get; set; }
        public bool IncludedByDefault { get; set; }
    }

    public sealed class InstalmentRow
    {
        public string Label { get; set; } = "";
        public InstalmentKind Kind { get; set; } = InstalmentKind.Advance;
        public DateTime? DueOn { get; set; }
        public decimal? Percent { get; set; }
    }

    public static ProposalFormModel From(ProposalResponse proposal)
    {
        var model = new ProposalFormModel
        {
            Title = proposal.Title, Intro = proposal.Intro, DiscountKind = proposal.DiscountKind, ValidUntil = proposal.ValidUntil?.ToDateTime(TimeOnly.MinValue),
            Discount = proposal.DiscountKind switch
            {
                Contracts.DiscountKind.Amount => proposal.DiscountValue / 100m,
                Contracts.DiscountKind.Percent => proposal.DiscountValue / 100m,
                _ => null,
            },
        };
        model.Lines.AddRange(proposal.Lines.Select(l => new LineRow
        {
            Service = l.Service, Description = l.Description, Quantity = l.Quantity, UnitRupees = l.UnitPaise / 100m, GstRateBasisPoints = l.GstRateBasisPoints,
            Optional = l.Optional, IncludedByDefault = l.IncludedByDefault,
        }));
        model.Plan.AddRange(proposal.Plan.Select(p => new InstalmentRow
        {
            Label = p.Label, Kind = p.Kind, DueOn = p.DueOn.ToDateTime(TimeOnly.MinValue), Percent = p.ShareBasisPoints / 100m,
        }));
        return model;
    }

    /// <summary>The request; rupees become paise and percentages basis points, rounded to the nearest.</summary>
    public ProposalRequest ToRequest(IReadOnlyList<Guid>? packageIds = null) => new(
        Title.Trim(), string.IsNullOrWhiteSpace(Intro) ? null : Intro.Trim(),
        [.. Lines.Select(l => new ProposalLineRequest(l.Service.Trim(), string.IsNullOrWhiteSpace(l.Description) ? null : l.Description.Trim(), null, l.Quantity,
            l.UnitRupees is { } rupees ? (long)Math.Round(rupees * 100, MidpointRounding.AwayFromZero) : null, l.GstRateBasisPoints, l.Optional, l.IncludedByDefault))],
        packageIds, Discount is null ? null : DiscountKind,
        Discount is { } discount ? (long)Math.Round(discount * 100, MidpointRounding.AwayFromZero) : null,
        ValidUntil is { } until ? DateOnly.FromDateTime(until) : null,
        [.. Plan.Select(p => new ProposalInstalmentRequest(p.Label.Trim(), p.Kind, p.DueOn is { } due ? DateOnly.FromDateTime(due) : null,
            p.Percent is { } percent ? (int)Math.Round(percent * 100, MidpointRounding.AwayFromZero) : null))]);
}
