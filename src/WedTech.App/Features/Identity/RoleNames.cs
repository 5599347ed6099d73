namespace WedTech.App.Features.Identity;

/// <summary>Names people read for roles and statuses.</summary>
public static class RoleNames
{
    public static string Of(Role role) => role switch
    {
        Role.Admin => "Admin",
        Role.Planner => "Planner",
        Role.Coordinator => "Coordinator",
        Role.Client => "Client",
        _ => role.ToString(),
    };

    public static string Of(WeddingStatus status) => status switch
    {
        WeddingStatus.Inquiry => "Inquiry",
        WeddingStatus.Booked => "Booked",
        WeddingStatus.InProgress => "In progress",
        WeddingStatus.Completed => "Completed",
        WeddingStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Of(TeamRole role) => role switch
    {
        TeamRole.LeadPlanner => "Lead planner",
        TeamRole.Planner => "Planner",
        TeamRole.Coordinator => "Coordinator",
        TeamRole.Client => "Couple",
        _ => role.ToString(),
    };

    public static string Of(UserStatus status) => status switch
    {
        UserStatus.Invited => "Invited",
        UserStatus.Active => "Active",
        UserStatus.Disabled => "Disabled",
        _ => status.ToString(),
    };
}
