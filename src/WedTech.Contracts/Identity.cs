using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

public enum Role { Admin, Planner, Coordinator, Client }

public enum UserStatus { Invited, Active, Disabled }

public sealed record LoginRequest(
    [property: Required, StringLength(254)] string Email,
    [property: Required, StringLength(128)] string Password);

public sealed record RefreshRequest([property: Required, StringLength(200)] string RefreshToken);

public sealed record TokenResponse(
    string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, string TokenType = "Bearer");

/// <summary>The signed-in user and their studio; <see cref="TimeZone"/> is the studio's (IANA), against which the app says when an event is in another zone.</summary>
public sealed record MeResponse(Guid Id, string Email, string Name, Role Role, Guid TenantId, string TenantSlug, string CompanyName, IReadOnlyList<string> Permissions,
    string TimeZone);

public sealed record InviteUserRequest(
    [property: Required, EmailAddress, StringLength(254)] string Email,
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required] Role? Role);

public sealed record AcceptInvitationRequest(
    [property: Required, StringLength(200)] string Token,
    [property: Required, StringLength(128, MinimumLength = 10, ErrorMessage = "Use at least 10 characters (at most 128).")] string Password);

public sealed record PasswordResetRequest([property: Required, EmailAddress, StringLength(254)] string Email);

public sealed record PasswordResetConfirmRequest(
    [property: Required, StringLength(200)] string Token,
    [property: Required, StringLength(128, MinimumLength = 10, ErrorMessage = "Use at least 10 characters (at most 128).")] string NewPassword);

public sealed record ChangeRoleRequest([property: Required] Role? Role);

public sealed record UserResponse(Guid Id, string Email, string Name, Role Role, UserStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

public sealed record AuditEntryResponse(
    Guid Id, DateTimeOffset At, Guid? UserId, string? UserEmail, string Action, string? EntityType, Guid? EntityId, string? Details, string? IpAddress, string? UserAgent);
