using WedTech.Server.Platform.Audit;

namespace WedTech.Server.Agreements;

/// <summary>The studio's contract templates: a title and a body with merge fields, checked at save.</summary>
public sealed class ContractTemplateService(TenantDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<List<ContractTemplateResponse>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureBuiltInAsync(cancellationToken);
        return (await db.ContractTemplates.AsNoTracking().OrderByDescending(t => t.BuiltIn).ThenBy(t => t.Title).ToListAsync(cancellationToken)).Select(ToResponse).ToList();
    }

    public async Task<ContractTemplateResponse> GetAsync(Guid id, CancellationToken cancellationToken) => ToResponse(await FindAsync(id, cancellationToken));

    public async Task<ContractTemplate> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ContractTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Contract template");

    public async Task<ContractTemplateResponse> CreateAsync(ContractTemplateRequest request, CancellationToken cancellationToken)
    {
        Check(request);
        var template = new ContractTemplate { Title = request.Title.Trim(), Body = request.Body.Trim() };
        db.ContractTemplates.Add(template);
        audit.Record("contract-template.created", nameof(ContractTemplate), template.Id, template.Title);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(template);
    }

    public async Task<ContractTemplateResponse> UpdateAsync(Guid id, ContractTemplateRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var template = await FindAsync(id, cancellationToken);
        Concurrency.Expect(template, expectedVersion, "contract template");
        Check(request);
        template.Title = request.Title.Trim();
        template.Body = request.Body.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(template);
    }

    /// <summary>Contracts made from it keep their own copy of its text.</summary>
    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var template = await FindAsync(id, cancellationToken);
        Concurrency.Expect(template, expectedVersion, "contract template");
        db.ContractTemplates.Remove(template);
        audit.Record("contract-template.deleted", nameof(ContractTemplate), template.Id, template.Title);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A studio that existed before contracts gets the built-in template on first use.</summary>
    private async Task EnsureBuiltInAsync(CancellationToken cancellationToken)
    {
        if (await db.ContractTemplates.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        db.ContractTemplates.Add(new ContractTemplate
        {
            Title = ContractTemplatesSeeder.BuiltInTitle, Body = ContractTemplatesSeeder.BuiltInBody, BuiltIn = true, CreatedAt = now, UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static void Check(ContractTemplateRequest request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add("title", "Give the template a title.");
        }
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            errors.Add("body", "Write the contract's text.");
        }
        ContractMarkup.Check(request.Body, "body", errors);
        errors.ThrowIfAny();
    }

    public static ContractTemplateResponse ToResponse(ContractTemplate t) => new(t.Id, t.Title, t.Body, t.BuiltIn, t.Version, t.UpdatedAt);
}
