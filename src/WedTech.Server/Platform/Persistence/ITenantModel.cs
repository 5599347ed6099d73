using Microsoft.EntityFrameworkCore;

namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// A module's part of the tenant database: the entities it owns and their configuration. The tenant context
/// applies every implementation in the assembly, so adding a module's tables names nothing in Platform.
/// </summary>
public interface ITenantModel
{
    void Configure(ModelBuilder modelBuilder);
}
