using WedTech.Server.Invoicing;
using WedTech.Server.Platform.Money;

namespace WedTech.Server.Proposals;

/// <summary>The studio's catalogue of packages: service templates whose lines proposals copy.</summary>
public sealed class PackageService(TenantDbContext db, IBillingSettings billing)
{
    public async Task<IReadOnlyList<PackageResponse>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.ServicePackages.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Select(ToResponse)];

    public async Task<PackageResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ToResponse(await db.ServicePackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw ApiException.NotFound("Package"));

    public async Task<PackageResponse> CreateAsync(PackageRequest request, CancellationToken cancellationToken)
    {
        if (await db.ServicePackages.CountAsync(cancellationToken) >= ProposalLimits.MaxPackagesPerStudio)
        {
            throw ApiException.Conflict($"A studio has at most {ProposalLimits.MaxPackagesPerStudio} packages. Remove one you no longer offer.");
        }
        var package = new ServicePackage { Name = "" };
        await ApplyAsync(package, request, cancellationToken);
        db.ServicePackages.Add(package);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(package);
    }

    public async Task<PackageResponse> UpdateAsync(Guid id, PackageRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var package = await db.ServicePackages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw ApiException.NotFound("Package");
        Concurrency.Expect(package, expectedVersion, "package");
        await ApplyAsync(package, request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(package);
    }

    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var package = await db.ServicePackages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw ApiException.NotFound("Package");
        Concurrency.Expect(package, expectedVersion, "package");
        db.ServicePackages.Remove(package);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(ServicePackage package, PackageRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var defaultSac = (await billing.StudioAsync(cancellationToken)).DefaultSac;
        var lines = ProposalLines.Read(request.Lines!, package.Lines, defaultSac, errors, "lines");
        if (lines.Count == 0)
        {
            errors.Add("lines", "Add at least one service.");
        }
        errors.ThrowIfAny();
        package.Name = request.Name.Trim();
        package.Description = request.Description.TrimmedOrNull();
        package.Lines = lines;
    }

    internal static PackageResponse ToResponse(ServicePackage p) => new(p.Id, p.Name, p.Description, [.. p.Lines.Select(ProposalLines.ToLine)], p.Version);
}

/// <summary>Lines of packages and proposals: read from a request, checked, and shown.</summary>
public static class ProposalLines
{
    /// <summary>
    /// The lines a request asks for, each checked (GST rate, SAC, a line's value). A line sent back exactly as stored keeps its
    /// id (so the couple's choices and sending it back unchanged change nothing); others get a new one.
    /// </summary>
    public static List<ProposalItem> Read(IReadOnlyList<ProposalLineRequest> requested, IReadOnlyList<ProposalItem> stored, string defaultSac, FieldErrors errors, string field)
    {
        var unclaimed = stored.ToList();
        var lines = new List<ProposalItem>();
        foreach (var (line, index) in requested.Select((l, i) => (l, i)))
        {
            var at = $"{field}[{index}]";
            var sac = line.Sac.TrimmedOrNull() ?? defaultSac;
            if (InvoiceService.SacProblem(sac) is { } wrongSac)
            {
                errors.Add($"{at}.sac", wrongSac);
            }
            if (Paise.GstRateProblem(line.GstRateBasisPoints!.Value) is { } rateProblem)
            {
                errors.Add($"{at}.gstRateBasisPoints", rateProblem);
            }
            var quantity = line.Quantity ?? 1;
            if ((Int128)line.UnitPaise!.Value * quantity > VendorLimits.MaxAmountPaise)
            {
                errors.Add($"{at}.quantity", $"A line comes to at most {IndianFormat.Rupees(VendorLimits.MaxAmountPaise)}.");
            }
            var optional = line.Optional ?? false;
            var item = new ProposalItem(Guid.Empty, line.Service.Trim(), line.Description.TrimmedOrNull(), sac, quantity, line.UnitPaise.Value, line.GstRateBasisPoints.Value,
                optional, !optional || (line.IncludedByDefault ?? false));
            var same = unclaimed.Find(s => s with { Id = Guid.Empty } == item);
            if (same is not null)
            {
                unclaimed.Remove(same);
            }
            lines.Add(item with { Id = same?.Id ?? Guid.CreateVersion7() });
        }
        if (!errors.Any && lines.Aggregate(Int128.Zero, (sum, l) => sum + (Int128)l.Quantity * l.UnitPaise) > VendorLimits.MaxAmountPaise)
        {
            errors.Add(field, $"The lines come to at most {IndianFormat.Rupees(VendorLimits.MaxAmountPaise)}.");
        }
        return lines;
    }

    public static ProposalLine ToLine(ProposalItem l) =>
        new(l.Id, l.Service, l.Description, l.Sac, l.Quantity, l.UnitPaise, l.GstRateBasisPoints, l.Optional, l.IncludedByDefault);
}
