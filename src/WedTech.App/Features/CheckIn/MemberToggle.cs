namespace WedTech.App.Features.CheckIn;

/// <summary>A member switched in (arrived) or out (an undo) on the door's card.</summary>
public sealed record MemberToggle(Guid GuestId, bool Arrived);
