using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WedTech.Contracts;
using WedTech.Server.Platform.Api;

namespace WedTech.Server.Templates;

/// <summary>A studio's saved shape of a wedding: its events by day and their run-of-show, with no dates, venues or people.</summary>
public sealed class WeddingTemplate : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<TemplateEvent> Events { get; set; } = [];
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class WeddingTemplateModel
{
    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<WeddingTemplate>(template =>
    {
        template.ToTable("wedding_templates");
        template.Property(t => t.Id).ValueGeneratedNever();
        template.Property(t => t.Name).HasMaxLength(100);
        template.Property(t => t.Description).HasMaxLength(500);
        template.Property(t => t.Version).IsConcurrencyToken();
        // Always read and written whole, never queried inside: one JSON document.
        template.Property(t => t.Events).HasConversion(
            events => JsonSerializer.Serialize(events, ApiJson.Options),
            json => JsonSerializer.Deserialize<List<TemplateEvent>>(json, ApiJson.Options) ?? new List<TemplateEvent>(),
            new ValueComparer<List<TemplateEvent>>((a, b) => JsonSerializer.Serialize(a, ApiJson.Options) == JsonSerializer.Serialize(b, ApiJson.Options),
                e => JsonSerializer.Serialize(e, ApiJson.Options).GetHashCode(StringComparison.Ordinal), e => e.ToList()));
        template.HasIndex(t => t.Name).IsUnique();
    });
}
