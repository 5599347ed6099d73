using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

internal sealed class JobUser(CurrentUser user, UserDirectory users, TenantContext tenant) : IJobUser
{
    public Guid? CurrentId => user.User?.Id;

    public async Task EnterAsync(Guid userId, CancellationToken cancellationToken)
    {
        var found = await users.FindAsync(userId, cancellationToken);
        if (found is not { Status: UserStatus.Active })
        {
            throw new JobUserInactiveException($"User {userId} of tenant {tenant.Current.Slug} is no longer active.");
        }
        user.Set(found);
    }
}
