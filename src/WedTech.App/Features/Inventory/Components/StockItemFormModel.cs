namespace WedTech.App.Features.Inventory.Components;

/// <summary>
/// What the stock item form holds, checked as the server checks it before anything is sent, and the request it sends. The
/// replacement cost is typed in rupees and sent in paise; left out (null) by people who may not see it, so the server keeps it.
/// </summary>
public sealed class StockItemFormModel
{
    public string Name { get; set; } = "";
    public StockCategory Category { get; set; } = StockCategory.Decor;
    public string Unit { get; set; } = "piece";
    public int QuantityOwned { get; set; }
    public string? Warehouse { get; set; }
    public decimal? ReplacementRupees { get; set; }
    public int LowStockThreshold { get; set; }
    public int InMaintenance { get; set; }
    public string? MaintenanceNote { get; set; }
    public string? Notes { get; set; }
    public Guid? VendorBookingId { get; set; }

    public static StockItemFormModel From(StockItemResponse item) => new()
    {
        Name = item.Name, Category = item.Category, Unit = item.Unit, QuantityOwned = item.QuantityOwned, Warehouse = item.Warehouse,
        ReplacementRupees = InventoryWords.ToRupees(item.ReplacementCostPaise), LowStockThreshold = item.LowStockThreshold, InMaintenance = item.InMaintenance,
        MaintenanceNote = item.MaintenanceNote, Notes = item.Notes, VendorBookingId = item.VendorBookingId,
    };

    /// <summary>The field errors the server would give, by the API's field names.</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["Give the item's name."];
        }
        if (string.IsNullOrWhiteSpace(Unit))
        {
            errors["unit"] = ["Give the unit it is counted in (piece, set, metre…)."];
        }
        if (QuantityOwned < 0)
        {
            errors["quantityOwned"] = ["The quantity owned is a whole number from 0 to 1,000,000."];
        }
        if (InMaintenance < 0)
        {
            errors["inMaintenance"] = ["Pieces in maintenance cannot be fewer than none."];
        }
        else if (InMaintenance > QuantityOwned && QuantityOwned >= 0)
        {
            errors["inMaintenance"] = ["More pieces are in maintenance than the studio owns."];
        }
        if (LowStockThreshold < 0)
        {
            errors["lowStockThreshold"] = ["The low-stock threshold is a whole number from 0 to 1,000,000."];
        }
        if (ReplacementRupees is < 0)
        {
            errors["replacementCostPaise"] = ["The replacement cost is from ₹0 to ₹1 crore a piece."];
        }
        return errors;
    }

    /// <param name="withCost">False for people who may not set the cost: it is left out and the server keeps what it has.</param>
    public StockItemRequest ToRequest(bool withCost) => new(
        Name.Trim(), Category, Unit.Trim(), QuantityOwned, string.IsNullOrWhiteSpace(Warehouse) ? null : Warehouse.Trim(),
        withCost ? InventoryWords.ToPaise(ReplacementRupees) : null, LowStockThreshold, InMaintenance,
        string.IsNullOrWhiteSpace(MaintenanceNote) ? null : MaintenanceNote.Trim(), string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(), VendorBookingId);
}
