namespace WedTech.Contracts;

/// <summary>
/// Places in the studio's app (served under <see cref="Home"/> on the studio's host) that the server links to, as a
/// notification's <see cref="NotificationResponse.Link"/>: the app opens them, and an API client may too.
/// </summary>
public static class AppLinks
{
    public const string Home = "/app/";

    /// <summary>The person's reports, with this one shown first and marked.</summary>
    public static string Report(Guid reportId) => $"{Home}reports?report={reportId}";

    public static string Wedding(Guid weddingId) => $"{Home}weddings/{weddingId}";

    /// <summary>The wedding's vendors and their bookings, with this booking open.</summary>
    public static string Booking(Guid weddingId, Guid bookingId) => $"{Home}weddings/{weddingId}/vendors?booking={bookingId}";

    /// <summary>A wedding's billing as the couple sees it: invoices, receipts, what is due, and paying online.</summary>
    public static string TaskOf(Guid weddingId, Guid taskId) => $"{Home}weddings/{weddingId}/tasks?task={taskId}";

    public static string Billing(Guid weddingId) => $"{Home}weddings/{weddingId}/billing";

    /// <summary>A vendor of the studio's vendor book.</summary>
    public static string Vendor(Guid vendorId) => $"{Home}vendors/{vendorId}";

    /// <summary>A lead of the studio's pipeline.</summary>
    public static string Lead(Guid leadId) => $"{Home}leads/{leadId}";

    /// <summary>A lead's proposal in its editor.</summary>
    public static string Proposal(Guid leadId, Guid proposalId) => $"{Home}leads/{leadId}/proposals/{proposalId}";

    /// <summary>A place inside the app on this host, never another site: a path under <see cref="Home"/>, nothing else.</summary>
    public static bool IsInApp(string? link) =>
        link is not null && link.StartsWith(Home, StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal)
        && Uri.TryCreate(link, UriKind.Relative, out _);
}
