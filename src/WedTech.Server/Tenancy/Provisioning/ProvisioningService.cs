using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Email;
using WedTech.Server.Tenancy.Catalog;

namespace WedTech.Server.Tenancy.Provisioning;

/// <summary>
/// Signup: catalog row (provisioning) → database → migrations → seed → admin → active → welcome e-mail.
/// Every step is idempotent, so a crash anywhere leaves a tenant that is not served (status
/// provisioning) and that the same signup, repeated, or <c>tenants finish</c>, brings to completion.
/// </summary>
public sealed class ProvisioningService(
    IDatabaseProvider databases, TenantDirectory directory, TenantSchema schema, IEnumerable<ITenantSeeder> seeders,
    IStudioAdmins admins, IEmailSender email, StudioAddresses addresses, TimeProvider time, ILogger<ProvisioningService> logger)
{
    public async Task<Tenant> ProvisionAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        var slug = request.Slug.Trim();
        if (SlugRules.Problem(slug) is { } problem)
        {
            throw new ValidationFailedException("slug", problem);
        }
        EmailAddresses.Check(request.AdminEmail, "adminEmail");
        admins.CheckPassword(request.AdminPassword, request.AdminEmail, "adminPassword");
        if (request.CompanyName.Trim().Length < 2)
        {
            throw new ValidationFailedException("companyName", "Use at least 2 characters.");
        }
        var adminEmail = request.AdminEmail.Trim();

        await using var catalog = databases.CreateCatalogContext();
        var tenant = await catalog.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tenant is not null)
        {
            // A retry of the same signup (same admin, same password) finishes a provisioning that crashed.
            var isRetry = tenant.Status == TenantStatus.Provisioning
                && string.Equals(tenant.PendingAdminEmail, adminEmail, StringComparison.OrdinalIgnoreCase)
                && tenant.PendingAdminPasswordHash is { } pending
                && admins.VerifyPassword(pending, request.AdminPassword);
            if (!isRetry)
            {
                throw new ValidationFailedException("slug", "This address is taken; choose another.");
            }
        }
        else
        {
            var id = Guid.CreateVersion7();
            tenant = new Tenant
            {
                Id = id,
                Slug = slug,
                CompanyName = request.CompanyName.Trim(),
                Plan = request.Plan!.Value,
                DatabaseName = databases.TenantDatabaseName(id),
                CreatedAt = time.GetUtcNow(),
                PendingAdminName = request.AdminName.Trim(),
                PendingAdminEmail = adminEmail,
                PendingAdminPasswordHash = admins.HashPassword(request.AdminPassword),
            };
            catalog.Tenants.Add(tenant);
            try
            {
                await catalog.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another signup took the slug between the check and the insert; anything else is not ours to hide.
                if (await catalog.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken))
                {
                    throw new ValidationFailedException("slug", "This address is taken; choose another.");
                }
                throw;
            }
            // From now on the address answers "being set up" (503), not "not found".
            await directory.InvalidateAsync(cancellationToken);
        }

        try
        {
            await FinishAsync(catalog, tenant, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Provisioning of tenant {TenantSlug} stopped; it stays unserved until a retry finishes it", tenant.Slug);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "Setup not finished",
                "Your studio could not be set up completely. Send the same signup again to finish it.") { RetryAfter = TimeSpan.FromSeconds(5) };
        }
        return tenant;
    }

    /// <summary>Completes a tenant left in provisioning (the operator's <c>tenants finish</c>).</summary>
    public async Task<Tenant> FinishAsync(string slug, CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        var tenant = await catalog.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken)
            ?? throw ApiException.NotFound("Tenant");
        if (tenant.Status == TenantStatus.Provisioning)
        {
            await FinishAsync(catalog, tenant, cancellationToken);
        }
        return tenant;
    }

    private async Task FinishAsync(CatalogDbContext catalog, Tenant tenant, CancellationToken cancellationToken)
    {
        await databases.EnsureTenantDatabaseExistsAsync(tenant.DatabaseName, cancellationToken);
        await using (var db = databases.CreateTenantContext(tenant.DatabaseName))
        {
            await db.Database.MigrateAsync(cancellationToken);
            foreach (var seeder in seeders)
            {
                await seeder.SeedAsync(db, tenant, cancellationToken);
            }
            await admins.EnsureFirstAdminAsync(db, tenant.Slug, tenant.PendingAdminName!, tenant.PendingAdminEmail!, tenant.PendingAdminPasswordHash, cancellationToken);
        }

        var adminName = tenant.PendingAdminName!;
        var adminEmail = tenant.PendingAdminEmail!;
        tenant.SchemaVersion = schema.LatestMigration;
        tenant.Status = TenantStatus.Active;
        tenant.ActivatedAt = time.GetUtcNow();
        tenant.PendingAdminName = tenant.PendingAdminEmail = tenant.PendingAdminPasswordHash = null;
        await catalog.SaveChangesAsync(cancellationToken);
        await directory.InvalidateAsync(cancellationToken);
        logger.LogInformation("Tenant {TenantSlug} ({TenantId}) provisioned", tenant.Slug, tenant.Id);

        await SendWelcomeAsync(tenant, adminName, adminEmail, cancellationToken);
    }

    private async Task SendWelcomeAsync(Tenant tenant, string adminName, string adminEmail, CancellationToken cancellationToken)
    {
        var url = addresses.For(tenant.Slug);
        var name = System.Net.WebUtility.HtmlEncode(adminName);
        var company = System.Net.WebUtility.HtmlEncode(tenant.CompanyName);
        await email.TrySendAsync(new EmailMessage(adminEmail, adminName, $"Welcome to WedTech, {tenant.CompanyName}",
            $"Namaste {adminName},\n\n{tenant.CompanyName} is ready on WedTech.\n\nSign in at {url} with {adminEmail}.\n\nNext: invite your planners and coordinators, and add your first wedding.\n",
            $"<p>Namaste {name},</p><p><b>{company}</b> is ready on WedTech.</p><p><a href=\"{url}\">Sign in</a> with {System.Net.WebUtility.HtmlEncode(adminEmail)}.</p>" +
            "<p>Next: invite your planners and coordinators, and add your first wedding.</p>"), logger, cancellationToken);
    }
}
