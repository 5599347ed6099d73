using WedTech.App.Features.Vendors;
using WedTech.App.Features.Vendors.Components;

namespace WedTech.App.Features.Agreements;

/// <summary>
/// What the contract form holds: the template, title and body (markup with merge fields), the fee typed in rupees and the
/// payment plan's instalments (sent in paise, adding up to the fee), the cancellation terms and the venues as the contract names them.
/// </summary>
public sealed class ContractFormModel
{
    public Guid? TemplateId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public decimal? FeeRupees { get; set; }
    public List<BookingFormModel.InstalmentRow> Plan { get; } = [];
    public string? CancellationTerms { get; set; }
    public string? Venues { get; set; }

    public long? FeePaise => VendorWords.ToPaise(FeeRupees);

    public static ContractFormModel From(ContractResponse contract)
    {
        var model = new ContractFormModel
        {
            TemplateId = contract.TemplateId, Title = contract.Title, Body = contract.Body, FeeRupees = VendorWords.ToRupees(contract.FeePaise),
            CancellationTerms = contract.CancellationTerms, Venues = contract.Venues,
        };
        model.Plan.AddRange(contract.PaymentPlan.Select(i => Row(i, i.Id)));
        return model;
    }

    /// <summary>A new contract: the template's title and body, and the fee and plan of the accepted proposal when there is one.</summary>
    public static ContractFormModel New(ContractTemplateResponse? template, ContractDefaultsResponse defaults)
    {
        var model = new ContractFormModel { FeeRupees = VendorWords.ToRupees(defaults.FeePaise) };
        model.Use(template);
        model.Plan.AddRange(defaults.PaymentPlan.Select(i => Row(i, null)));
        return model;
    }

    /// <summary>Takes a template's title and body (what the planner typed in them is replaced).</summary>
    public void Use(ContractTemplateResponse? template)
    {
        TemplateId = template?.Id;
        Title = template?.Title ?? Title;
        Body = template?.Body ?? Body;
    }

    private static BookingFormModel.InstalmentRow Row(ContractInstalment i, Guid? id) => new()
    {
        Id = id, Label = i.Label, Kind = i.Kind, DueOn = i.DueOn.ToDateTime(TimeOnly.MinValue), AmountRupees = VendorWords.ToRupees(i.AmountPaise),
    };

    /// <summary>The request; rupees become paise, to the nearest paisa.</summary>
    public ContractRequest ToRequest() => new(
        TemplateId, Title.Trim(), Body.Trim(), FeePaise,
        [.. Plan.Select(i => new InstalmentRequest(i.Id, i.Label.Trim(), i.Kind, i.DueOn is { } due ? DateOnly.FromDateTime(due) : null, VendorWords.ToPaise(i.AmountRupees)))],
        CancellationTerms?.Trim() ?? "", string.IsNullOrWhiteSpace(Venues) ? null : Venues.Trim());
}
