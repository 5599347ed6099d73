using WedTech.Contracts;

namespace WedTech.App.Tests.Infrastructure;

/// <summary>The couple and the team of the Sharma–Verma wedding (<see cref="Schedules.WeddingId"/>), as the API answers them.</summary>
internal static class WeddingPeople
{
    public static readonly Guid PriyaId = Guid.Parse("77777777-7777-7777-8777-777777777777");
    public static readonly Guid RohanId = Guid.Parse("88888888-8888-7888-8888-888888888888");
    public static readonly Guid KavyaId = Guid.Parse("66666666-6666-7666-8666-666666666666");

    public static readonly TeamMemberResponse Priya = new(PriyaId, "Priya Sharma", Role.Client, TeamRole.Client);
    public static readonly TeamMemberResponse Rohan = new(RohanId, "Rohan Verma", Role.Client, TeamRole.Client);
    public static readonly TeamMemberResponse Kavya = new(KavyaId, "Kavya Reddy", Role.Coordinator, TeamRole.Coordinator);

    /// <summary>Priya's account is active; Kavya is invited (no account yet).</summary>
    public static readonly UserResponse PriyaAccount = new(PriyaId, "priya@example.com", "Priya Sharma", Role.Client, UserStatus.Active, DateTimeOffset.UnixEpoch, null);

    public static readonly UserResponse KavyaInvited = new(KavyaId, "kavya@shaadi.example", "Kavya Reddy", Role.Coordinator, UserStatus.Invited, DateTimeOffset.UnixEpoch, null);

    /// <summary>A message of the wedding as the outbox lists it.</summary>
    public static MessageResponse Message(MessageChannel channel, string recipient, string? name, MessageStatus status, string? subject, string body,
        DateTimeOffset at, string? error = null) =>
        new(Guid.CreateVersion7(), channel, recipient, name, "note", "en", subject, body, status, null, null, 1, error, Schedules.WeddingId, at, null, null, null);
}
