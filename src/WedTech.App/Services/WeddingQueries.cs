using System.Globalization;
using WedTech.Contracts;

namespace WedTech.App.Services;

/// <summary>API addresses for weddings, built in one place so the offline copies of a view share one key.</summary>
public static class WeddingQueries
{
    public static string List(string? search, WeddingStatus? status, DateOnly? from, DateOnly? to, int page, int pageSize)
    {
        var query = new List<string> { $"page={page}", $"pageSize={pageSize}" };
        if (!string.IsNullOrWhiteSpace(search))
        {
            query.Add("q=" + Uri.EscapeDataString(search.Trim()));
        }
        if (status is { } s)
        {
            query.Add("status=" + ApiJson.EnumName(s));
        }
        if (from is { } f)
        {
            query.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (to is { } t)
        {
            query.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return "/api/v1/weddings?" + string.Join('&', query);
    }

    public static string One(Guid id) => $"/api/v1/weddings/{id}";

    public const string Overview = "/api/v1/weddings/overview";
}
