namespace WedTech.App.Features.Inventory;

/// <summary>How the stock's words read to a planner.</summary>
public static class InventoryWords
{
    public static string Of(StockCategory category) => category switch
    {
        StockCategory.MandapSets => "Mandap sets",
        StockCategory.Decor => "Decor",
        StockCategory.Props => "Props",
        StockCategory.Furniture => "Furniture",
        StockCategory.Linen => "Linen",
        StockCategory.Lights => "Lights",
        _ => "Other",
    };

    public static string Of(StockReservationStatus status) => status switch
    {
        StockReservationStatus.Out => "Out",
        StockReservationStatus.Returned => "Back",
        _ => "Reserved",
    };

    /// <summary>A refusal of a reservation as the planner reads it: who holds the pieces, from the server's words.</summary>
    public static string Refusal(ApiProblemException problem) =>
        problem.IsConflict && problem.Detail is { } detail ? detail : problem.Summary;
}
