using MudBlazor;
using WedTech.App.Features.Identity;

namespace WedTech.App.Features.Messaging;

/// <summary>Whom a message from a wedding's page goes to. Guests join as a group of their own when the guest list exists.</summary>
public enum RecipientGroup { Couple, Team }

/// <summary>
/// Someone a planner may write to, and how they can be reached: an e-mail address, a phone number (none is stored for the
/// couple or the team yet, so the planner types it), and an active account for messages in the app and push notifications.
/// </summary>
public sealed record MessageRecipient(string Key, string Name, RecipientGroup Group, string Description, string? Email, string? Phone, Guid? UserId)
{
    public bool CanReceive(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => Email is not null,
        // A phone number stored with them, or typed in for this message.
        MessageChannel.Sms or MessageChannel.WhatsApp => true,
        _ => UserId is not null,
    };

    /// <summary>Where the message goes on <paramref name="channel"/>, given the number typed for them when none is stored.</summary>
    public string? Address(MessageChannel channel, string? typedPhone) => channel switch
    {
        MessageChannel.Email => Email,
        MessageChannel.Sms or MessageChannel.WhatsApp => Phone ?? (string.IsNullOrWhiteSpace(typedPhone) ? null : typedPhone.Trim()),
        _ => UserId?.ToString(),
    };
}

public static class MessageRecipients
{
    /// <summary>
    /// The couple and the team of a wedding, the couple first, with the e-mail addresses of the studio's people (those
    /// <paramref name="people"/> lists) and an account to write to in the app when it is active. The writer is left out.
    /// </summary>
    public static IReadOnlyList<MessageRecipient> OfWedding(IReadOnlyList<TeamMemberResponse> team, IReadOnlyList<UserResponse> people, Guid? writer) =>
    [
        .. team.Where(m => m.UserId != writer)
            .OrderBy(m => m.Role == TeamRole.Client ? 0 : 1).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m =>
            {
                var person = people.FirstOrDefault(p => p.Id == m.UserId);
                // Someone not in the list (a large studio) still has an account: the server says if it cannot take the message.
                var account = person is null || person.Status == UserStatus.Active ? m.UserId : (Guid?)null;
                var group = m.Role == TeamRole.Client ? RecipientGroup.Couple : RecipientGroup.Team;
                return new MessageRecipient(m.UserId.ToString(), m.Name, group, RoleNames.Of(m.Role), person?.Email, Phone: null, account);
            }),
    ];
}

/// <summary>Names people read for channels and delivery states.</summary>
public static class MessageNames
{
    public static string Of(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "E-mail",
        MessageChannel.Sms => "SMS",
        MessageChannel.WhatsApp => "WhatsApp",
        MessageChannel.Push => "Push notification",
        MessageChannel.InApp => "In the app",
        _ => channel.ToString(),
    };

    /// <summary>How it goes, to follow "sent": "by e-mail", "on WhatsApp", "in the app".</summary>
    public static string By(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "by e-mail",
        MessageChannel.Sms => "by SMS",
        MessageChannel.WhatsApp => "on WhatsApp",
        MessageChannel.Push => "as a push notification",
        _ => "in the app",
    };

    /// <summary>Names as a sentence says them: "Priya", "Priya and Rohan", "Priya, Rohan and Kavya".</summary>
    public static string Together(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    public static string IconOf(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => Icons.Material.Filled.Email,
        MessageChannel.Sms => Icons.Material.Filled.Sms,
        MessageChannel.WhatsApp => Icons.Custom.Brands.WhatsApp,
        MessageChannel.Push => Icons.Material.Filled.PhoneAndroid,
        _ => Icons.Material.Filled.Notifications,
    };

    public static string Of(MessageStatus status) => status switch
    {
        MessageStatus.Queued => "Waiting to be sent",
        MessageStatus.Sent => "Sent",
        MessageStatus.Delivered => "Delivered",
        MessageStatus.Read => "Read",
        MessageStatus.Failed => "Not sent",
        _ => status.ToString(),
    };

    public static Color ColorOf(MessageStatus status) => status switch
    {
        MessageStatus.Failed => Color.Error,
        MessageStatus.Delivered or MessageStatus.Read => Color.Success,
        _ => Color.Default,
    };

    /// <summary>Why a message was not sent, in words for the planner where the outbox's reason is a known one.</summary>
    public static string? WhyNotSent(MessageResponse message) => message.Status != MessageStatus.Failed ? null : message.Error switch
    {
        "no push subscription" => "They have not turned on notifications on any device.",
        { } error when error.Contains("not configured", StringComparison.OrdinalIgnoreCase) =>
            $"{Of(message.Channel)} is not set up for the studio yet.",
        { } error => error,
        null => null,
    };
}
