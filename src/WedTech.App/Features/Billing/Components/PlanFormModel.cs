using WedTech.App.Features.Vendors;

namespace WedTech.App.Features.Billing.Components;

/// <summary>
/// The couple's payment plan as the form holds it: instalments with a label, when they fall, the due date and the amount in
/// rupees (sent in paise); each keeps its id across edits, so what was paid on it stays with it.
/// </summary>
public sealed class PlanFormModel
{
    public List<Row> Instalments { get; } = [];

    public sealed class Row
    {
        public Guid? Id { get; init; }
        public string Label { get; set; } = "";
        public InstalmentKind Kind { get; set; } = InstalmentKind.Advance;
        public DateTime? DueOn { get; set; }
        public decimal? AmountRupees { get; set; }

        /// <summary>What of it the couple has paid (nothing for a new one).</summary>
        public long PaidPaise { get; init; }
    }

    public static PlanFormModel From(PaymentPlanResponse plan)
    {
        var model = new PlanFormModel();
        model.Instalments.AddRange(plan.Instalments.Select(p => p.Instalment).Select(i => new Row
        {
            Id = i.Id, Label = i.Label, Kind = i.Kind, DueOn = i.DueOn.ToDateTime(TimeOnly.MinValue), AmountRupees = VendorWords.ToRupees(i.AmountPaise),
            PaidPaise = i.PaidPaise,
        }));
        return model;
    }

    public void Add()
    {
        var first = Instalments.Count == 0;
        Instalments.Add(new Row { Label = first ? "Advance" : "", Kind = first ? InstalmentKind.Advance : InstalmentKind.BeforeEvent });
    }

    /// <summary>What the instalments add up to, in paise.</summary>
    public long TotalPaise => Instalments.Sum(i => VendorWords.ToPaise(i.AmountRupees) ?? 0);

    /// <summary>The field errors found before sending, keyed as the API keys them.</summary>
    public Dictionary<string, string[]> Check(long receivedPaise)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Instalments.Count; i++)
        {
            var instalment = Instalments[i];
            if (string.IsNullOrWhiteSpace(instalment.Label))
            {
                errors[$"instalments[{i}].label"] = ["Name the instalment: Advance, Before the sangeet, After the wedding."];
            }
            if (instalment.DueOn is null)
            {
                errors[$"instalments[{i}].dueOn"] = ["Choose when it is due."];
            }
            if (instalment.AmountRupees is null or <= 0)
            {
                errors[$"instalments[{i}].amountPaise"] = ["Give the amount."];
            }
            else if (BillingWords.FinerThanPaise(instalment.AmountRupees))
            {
                errors[$"instalments[{i}].amountPaise"] = ["An amount has at most two decimals (paise)."];
            }
        }
        if (TotalPaise < receivedPaise)
        {
            errors["instalments"] = [$"The couple has paid {IndianFormat.Rupees(receivedPaise)} already; the plan can't come to less ({IndianFormat.Rupees(TotalPaise)})."];
        }
        return errors;
    }

    public PaymentPlanRequest ToRequest() => new(
        [.. Instalments.Select(i => new InstalmentRequest(i.Id, i.Label.Trim(), i.Kind, i.DueOn is { } due ? DateOnly.FromDateTime(due) : null, VendorWords.ToPaise(i.AmountRupees)))]);
}
