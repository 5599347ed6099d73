using WedTech.Server.Events;
using WedTech.Server.Guests;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Inventory;
using WedTech.Server.Vendors;
using WedTech.Server.Weddings;

namespace WedTech.Server.Budget;

/// <summary>
/// A wedding's budget: its lines, its vendors' costs and payments, the studio's fee, a what-if computed the same way and
/// never saved, and the part shared with the couple. The headcounts come from the RSVPs, so the budget follows them.
/// </summary>
public sealed class BudgetService(
    TenantDbContext db, AuditLog audit, IWeddingDirectory weddings, IWeddingEvents events, IGuestDirectory guests, IVendorCosts costs, IStockCharges stock, WeddingChanges changes)
{
    public const int MaxLinesPerWedding = 500;

    public async Task<BudgetResponse> GetAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await ComputeAsync(weddingId, null, cancellationToken);
    }

    public async Task<SharedBudgetResponse> SharedAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return BudgetMath.Shared(await ComputeAsync(weddingId, null, cancellationToken));
    }

    /// <summary>The budget with the request's headcounts, line changes, new lines and fee, computed as saving them would, and not saved.</summary>
    public async Task<BudgetResponse> WhatIfAsync(Guid weddingId, BudgetWhatIfRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await ComputeAsync(weddingId, request, cancellationToken);
    }

    /// <summary>Changes the fee model and sharing; If-Match is the budget's version (0 before its first change).</summary>
    public async Task<BudgetResponse> SaveSettingsAsync(Guid weddingId, BudgetSettingsRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var settings = await db.WeddingBudgets.FirstOrDefaultAsync(b => b.WeddingId == weddingId, cancellationToken);
        if (settings is null)
        {
            if (expectedVersion is not (0 or long.MinValue))
            {
                throw ApiException.Conflict("Someone changed the budget's settings since you loaded them. Look at them again and retry.");
            }
            settings = new WeddingBudget { WeddingId = weddingId };
            db.WeddingBudgets.Add(settings);
        }
        else
        {
            Concurrency.Expect(settings, expectedVersion, "budget");
        }
        Apply(settings, request);
        Publish(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        return await ComputeAsync(weddingId, null, cancellationToken);
    }

    public async Task<BudgetLineResponse> CreateLineAsync(Guid weddingId, BudgetLineRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        if (await db.BudgetLines.CountAsync(l => l.WeddingId == weddingId, cancellationToken) >= MaxLinesPerWedding)
        {
            throw ApiException.Conflict($"A budget has at most {MaxLinesPerWedding} lines.");
        }
        var line = new BudgetLine { WeddingId = weddingId, Category = "", Description = "" };
        Apply(line, request, await EventNamesAsync(weddingId, cancellationToken), "");
        db.BudgetLines.Add(line);
        audit.Record("budget-line.created", nameof(BudgetLine), line.Id, $"{line.Category}: {line.Description}, wedding {weddingId}");
        Publish(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        return await LineResponseAsync(weddingId, line.Id, cancellationToken);
    }

    public async Task<BudgetLineResponse> UpdateLineAsync(Guid weddingId, Guid id, BudgetLineRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var line = await db.BudgetLines.FirstOrDefaultAsync(l => l.Id == id && l.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Budget line");
        Concurrency.Expect(line, expectedVersion, "budget line");
        Apply(line, request, await EventNamesAsync(weddingId, cancellationToken), "");
        Publish(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        return await LineResponseAsync(weddingId, id, cancellationToken);
    }

    public async Task DeleteLineAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var line = await db.BudgetLines.FirstOrDefaultAsync(l => l.Id == id && l.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Budget line");
        Concurrency.Expect(line, expectedVersion, "budget line");
        db.BudgetLines.Remove(line);
        audit.Record("budget-line.deleted", nameof(BudgetLine), line.Id, $"{line.Category}: {line.Description}, wedding {weddingId}");
        Publish(weddingId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<BudgetLineResponse> LineResponseAsync(Guid weddingId, Guid id, CancellationToken cancellationToken) =>
        (await ComputeAsync(weddingId, null, cancellationToken)).Lines.First(l => l.Id == id);

    private void Publish(Guid weddingId) => changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.BudgetChanged, null));

    private async Task<Dictionary<Guid, string>> EventNamesAsync(Guid weddingId, CancellationToken cancellationToken) =>
        (await events.OfWeddingAsync(weddingId, cancellationToken)).ToDictionary(e => e.Id, e => e.Name);

    private async Task<BudgetResponse> ComputeAsync(Guid weddingId, BudgetWhatIfRequest? whatIf, CancellationToken cancellationToken)
    {
        var stored = await db.WeddingBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.WeddingId == weddingId, cancellationToken);
        var settings = stored ?? new WeddingBudget { WeddingId = weddingId, Version = 0 };
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.WeddingId == weddingId).OrderBy(l => l.Category).ThenBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        var eventNames = await EventNamesAsync(weddingId, cancellationToken);
        var headcounts = new Dictionary<Guid, int>();
        if (whatIf is not null)
        {
            (settings, lines) = ApplyWhatIf(whatIf, settings, lines, eventNames, headcounts);
        }
        return BudgetMath.Compute(new BudgetMath.Inputs(weddingId,
            new BudgetSettings(settings.FeeModel, settings.FeeFixedPaise, settings.FeeBasisPoints, settings.SharedWithCouple), lines,
            await costs.OfWeddingAsync(weddingId, cancellationToken), eventNames, await guests.AttendingAsync(weddingId, cancellationToken), headcounts,
            stored?.Version ?? 0, whatIf is not null, await stock.OfWeddingAsync(weddingId, cancellationToken)));
    }

    private static (WeddingBudget, List<BudgetLine>) ApplyWhatIf(BudgetWhatIfRequest request, WeddingBudget stored, List<BudgetLine> lines,
        Dictionary<Guid, string> eventNames, Dictionary<Guid, int> headcounts)
    {
        var errors = new FieldErrors();
        foreach (var (headcount, index) in (request.Headcounts ?? []).Select((h, i) => (h, i)))
        {
            if (!eventNames.ContainsKey(headcount.EventId!.Value))
            {
                errors.Add($"headcounts[{index}].eventId", "This wedding has no such event.");
            }
            headcounts[headcount.EventId.Value] = headcount.Guests!.Value;
        }
        var byId = lines.ToDictionary(l => l.Id);
        var changed = new List<BudgetLine>(lines);
        foreach (var (change, index) in (request.Lines ?? []).Select((c, i) => (c, i)))
        {
            if (!byId.TryGetValue(change.Id!.Value, out var line))
            {
                errors.Add($"lines[{index}].id", "The budget has no such line.");
                continue;
            }
            changed.Remove(line);
            if (change.Remove == true)
            {
                continue;
            }
            var copy = Copy(line);
            if (change.AmountPaise is { } amount)
            {
                (copy.AmountPaise, copy.PerGuestPaise) = (amount, null);
            }
            if (change.PerGuestPaise is { } perGuest)
            {
                if (line.EventId is null)
                {
                    errors.Add($"lines[{index}].perGuestPaise", "This line is for no event: it has no headcount to multiply.");
                }
                else if (perGuest > VendorLimits.MaxPerGuestPaise)
                {
                    errors.Add($"lines[{index}].perGuestPaise", $"An amount per guest is at most {IndianFormat.Rupees(VendorLimits.MaxPerGuestPaise)}.");
                }
                (copy.AmountPaise, copy.PerGuestPaise) = (null, perGuest);
            }
            changed.Add(copy);
        }
        foreach (var (added, index) in (request.NewLines ?? []).Select((l, i) => (l, i)))
        {
            var line = new BudgetLine { WeddingId = stored.WeddingId, Category = "", Description = "" };
            errors.Check(() => Apply(line, added, eventNames, $"newLines[{index}]."));
            changed.Add(line);
        }
        var settings = stored;
        if (request.Settings is { } newSettings)
        {
            settings = new WeddingBudget { WeddingId = stored.WeddingId, SharedWithCouple = stored.SharedWithCouple, Version = stored.Version };
            errors.Check(() => Apply(settings, newSettings, "settings."));
        }
        errors.ThrowIfAny();
        return (settings, changed);
    }

    private static BudgetLine Copy(BudgetLine line) => new()
    {
        Id = line.Id, WeddingId = line.WeddingId, Category = line.Category, Description = line.Description, AmountPaise = line.AmountPaise, EventId = line.EventId,
        PerGuestPaise = line.PerGuestPaise, SharedWithCouple = line.SharedWithCouple, Notes = line.Notes, Version = line.Version, CreatedAt = line.CreatedAt,
    };

    private static void Apply(WeddingBudget settings, BudgetSettingsRequest request, string prefix = "")
    {
        var errors = new FieldErrors();
        var model = request.FeeModel!.Value;
        if (model == FeeModel.Fixed && request.FeeBasisPoints is > 0)
        {
            errors.Add($"{prefix}feeBasisPoints", "A fixed fee has no percentage: give the fee as an amount.");
        }
        if (model != FeeModel.Fixed && request.FeeFixedPaise is > 0)
        {
            errors.Add($"{prefix}feeFixedPaise", "A percentage or markup has no fixed amount: give the percentage.");
        }
        errors.ThrowIfAny();
        settings.FeeModel = model;
        settings.FeeFixedPaise = model == FeeModel.Fixed ? request.FeeFixedPaise ?? 0 : 0;
        settings.FeeBasisPoints = model == FeeModel.Fixed ? 0 : request.FeeBasisPoints ?? 0;
        settings.SharedWithCouple = request.SharedWithCouple ?? settings.SharedWithCouple;
    }

    private static void Apply(BudgetLine line, BudgetLineRequest request, Dictionary<Guid, string> eventNames, string prefix)
    {
        var errors = new FieldErrors();
        if (request.EventId is { } eventId && !eventNames.ContainsKey(eventId))
        {
            errors.Add($"{prefix}eventId", "This wedding has no such event.");
        }
        if (request.AmountPaise is null == request.PerGuestPaise is null)
        {
            errors.Add($"{prefix}amountPaise", "Give either an amount, or an event and an amount per guest.");
        }
        if (request.PerGuestPaise is { } perGuest)
        {
            if (request.EventId is null)
            {
                errors.Add($"{prefix}eventId", "An amount per guest is multiplied by an event's headcount: choose the event.");
            }
            if (perGuest > VendorLimits.MaxPerGuestPaise)
            {
                errors.Add($"{prefix}perGuestPaise", $"An amount per guest is at most {IndianFormat.Rupees(VendorLimits.MaxPerGuestPaise)}.");
            }
        }
        errors.ThrowIfAny();
        line.Category = VendorLimits.Categories.FirstOrDefault(c => c.Equals(request.Category.Trim(), StringComparison.OrdinalIgnoreCase)) ?? request.Category.Trim();
        line.Description = request.Description.Trim();
        line.AmountPaise = request.AmountPaise;
        line.EventId = request.EventId;
        line.PerGuestPaise = request.PerGuestPaise;
        line.SharedWithCouple = request.SharedWithCouple ?? true;
        line.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
    }
}
