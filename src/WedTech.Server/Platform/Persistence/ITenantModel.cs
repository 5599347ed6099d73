namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// A module's part of the tenant database: the entities it owns and their configuration. The tenant context
/// applies every implementation in the assembly, so adding a module's tables names nothing in Platform.
/// </summary>
public interface ITenantModel
{
    void Configure(ModelBuilder modelBuilder);
}

public static class ModelParts
{
    /// <summary>Every implementation of a model part in the assembly, in name order, so the model is built the same way every time.</summary>
    public static TPart[] InAssembly<TPart>() => typeof(TPart).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(TPart).IsAssignableFrom(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (TPart)Activator.CreateInstance(type)!)
        .ToArray();
}
