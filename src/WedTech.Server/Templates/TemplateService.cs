using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tasks;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Templates;

/// <summary>Wedding templates: a wedding's events and run-of-show saved by day, and new weddings made from them.</summary>
public sealed class TemplateService(TenantDbContext db, WeddingService weddings, AuditLog audit, TimeProvider time, ITemplateEvents templateEvents,
    IStudioSettings studio, ITemplateTasks templateTasks)
{
    public async Task<PagedResponse<WeddingTemplateSummary>> ListAsync(string? search, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.WeddingTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL lower(), not this process's culture
            query = query.Where(t => t.Name.ToLower().Contains(term) || t.Description != null && t.Description.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        // The counts come from the events document, which the database does not look into.
        var page = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).ToPageAsync(paging, t => t, cancellationToken);
        return new PagedResponse<WeddingTemplateSummary>(page.Items.Select(Summary).ToList(), page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<WeddingTemplateResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ToResponse(await db.WeddingTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Template"));

    /// <summary>Saves the events of a wedding the caller may see (cancelled ones aside) with their run-of-show.</summary>
    public async Task<WeddingTemplateResponse> CreateAsync(WeddingTemplateRequest request, CancellationToken cancellationToken)
    {
        var weddingId = request.WeddingId!.Value;
        if (!await weddings.IsVisibleAsync(weddingId, cancellationToken))
        {
            throw ApiException.NotFound("Wedding");
        }
        var events = await templateEvents.SnapshotAsync(weddingId, cancellationToken);
        if (events.Count == 0)
        {
            throw new ValidationFailedException("weddingId", "This wedding has no events to save; add its events first.");
        }
        var name = request.Name.Trim();
        await RefuseTakenNameAsync(name, cancellationToken);
        var template = new WeddingTemplate
        {
            Name = name,
            Description = request.Description.TrimmedOrNull(),
            Events = events,
            Tasks = await templateTasks.SnapshotAsync(weddingId, cancellationToken),
        };
        db.WeddingTemplates.Add(template);
        audit.Record("template.created", nameof(WeddingTemplate), template.Id, $"{template.Name} (from wedding {weddingId})");
        await SaveAsync(name, cancellationToken);
        return ToResponse(template);
    }

    public async Task<WeddingTemplateResponse> UpdateAsync(Guid id, WeddingTemplateUpdate request, long expectedVersion, CancellationToken cancellationToken)
    {
        var template = await db.WeddingTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Template");
        Concurrency.Expect(template, expectedVersion, "template");
        var name = request.Name.Trim();
        var description = request.Description.TrimmedOrNull();
        if (name == template.Name && description == template.Description)
        {
            return ToResponse(template);
        }
        if (!string.Equals(name, template.Name, StringComparison.OrdinalIgnoreCase))
        {
            await RefuseTakenNameAsync(name, cancellationToken);
        }
        template.Name = name;
        template.Description = description;
        await SaveAsync(name, cancellationToken);
        return ToResponse(template);
    }

    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var template = await db.WeddingTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Template");
        Concurrency.Expect(template, expectedVersion, "template");
        db.WeddingTemplates.Remove(template);
        audit.Record("template.deleted", nameof(WeddingTemplate), template.Id, template.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A new wedding with the template's events: day 0 on <see cref="WeddingFromTemplateRequest.FirstDay"/>, at the same
    /// local times, all in one zone. The wedding, its events and their run-of-show are saved together or not at all.
    /// </summary>
    public async Task<WeddingResponse> CreateWeddingAsync(Guid id, WeddingFromTemplateRequest request, CancellationToken cancellationToken)
    {
        var template = await db.WeddingTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Template");
        var errors = new FieldErrors();
        var firstDay = request.FirstDay!.Value;
        if (firstDay.Year is < 2000 or > 2100)
        {
            errors.Add("firstDay", "The date must be between the years 2000 and 2100.");
        }
        var knownZone = string.IsNullOrWhiteSpace(request.TimeZone)
            ? await studio.TimeZoneAsync(cancellationToken)
            : errors.Check(() => VenueTime.RequireZone(request.TimeZone, "timeZone"));
        errors.ThrowIfAny();
        var zone = knownZone!;

        // A dry run checks every time before anything is created: a template day can land on a time the zone skips.
        var now = time.GetUtcNow();
        var planned = template.Events;
        templateEvents.Check(planned, firstDay, zone);
        var studioZone = await studio.TimeZoneAsync(cancellationToken);
        try
        {
            return await weddings.CreateAsync(request.Wedding!, wedding =>
            {
                var added = templateEvents.Add(planned, wedding.Id, firstDay, zone, now);
                templateTasks.Add(template.Tasks, wedding.Id, wedding.PrimaryDate, added, studioZone, now);
                audit.Record("wedding.created-from-template", nameof(Wedding), wedding.Id, string.Create(CultureInfo.InvariantCulture,
                    $"{template.Name} ({template.Id}): {planned.Count} events from {firstDay:yyyy-MM-dd} in {zone}"));
            }, cancellationToken);
        }
        catch (ValidationFailedException e)
        {
            // The wedding's own checks name its fields; here they are inside "wedding".
            throw new ValidationFailedException(e.Errors.ToDictionary(error => "wedding." + error.Key, error => error.Value));
        }
    }

    /// <summary>Names are unique regardless of case; the unique index catches two saves racing each other.</summary>
    private async Task RefuseTakenNameAsync(string name, CancellationToken cancellationToken)
    {
        var lower = name.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL lower(), not this process's culture
        var taken = await db.WeddingTemplates.AnyAsync(t => t.Name.ToLower() == lower, cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        if (taken)
        {
            throw ApiException.Conflict($"There is already a template named \"{name}\"; choose another name.");
        }
    }

    private async Task SaveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            await RefuseTakenNameAsync(name, cancellationToken);
            throw;
        }
    }


    private static WeddingTemplateSummary Summary(WeddingTemplate t) => new(t.Id, t.Name, t.Description,
        t.Events.Count == 0 ? 0 : t.Events.Max(e => e.Day) + 1, t.Events.Count, t.Events.Sum(e => e.Items.Count), t.Version, t.UpdatedAt);

    private static WeddingTemplateResponse ToResponse(WeddingTemplate t) => new(t.Id, t.Name, t.Description, t.Events, t.Version, t.UpdatedAt);
}
