using System.Globalization;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Venues;
using WedTech.Server.Weddings;

namespace WedTech.Server.Rooms;

public sealed record RoomBlockFilter(Guid? VenueId, Guid? HouseholdId);

/// <summary>
/// A wedding's rooms: blocks held at hotels, and rooms given to members of households for some of a block's nights. A block
/// never has more rooms given on a night than it holds, and a guest never has two rooms on one night; either is refused
/// with the clash named. Whoever sees the wedding's guests sees its rooms; rates need <c>financial:view</c>, notes
/// <c>wedding:internal</c>.
/// </summary>
public sealed class RoomService(
    TenantDbContext db, CurrentUser currentUser, AuditLog audit, IWeddingDirectory weddings, IVenueDirectory venues, IGuestDirectory guests,
    WeddingChanges changes)
{
    public const int MaxNights = 60;
    public const int MaxBlocksPerWedding = 200;

    public async Task<PagedResponse<RoomBlockResponse>> ListAsync(Guid weddingId, RoomBlockFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var query = db.RoomBlocks.AsNoTracking().Where(b => b.WeddingId == weddingId);
        if (filter.VenueId is { } venueId)
        {
            query = query.Where(b => b.VenueId == venueId);
        }
        if (filter.HouseholdId is { } householdId)
        {
            query = query.Where(b => db.Set<RoomAllotment>().Any(a => a.BlockId == b.Id && a.HouseholdId == householdId));
        }
        var page = await query.OrderBy(b => b.CheckIn).ThenBy(b => b.Hotel).ThenBy(b => b.Id).ToPageAsync(paging, b => b, cancellationToken);
        var ids = page.Items.Select(b => b.Id).ToList();
        var allotments = await db.RoomAllotments.AsNoTracking().Where(a => ids.Contains(a.BlockId)).ToListAsync(cancellationToken);
        var households = await guests.HouseholdsAsync(weddingId, allotments.Select(a => a.HouseholdId).Distinct().ToList(), cancellationToken);
        return new PagedResponse<RoomBlockResponse>(page.Items.Select(b => ToResponse(b, allotments.Where(a => a.BlockId == b.Id).ToList(), households)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<RoomBlockResponse> GetAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var block = await db.RoomBlocks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Room block");
        return await ResponseAsync(block, cancellationToken);
    }

    public async Task<RoomBlockResponse> CreateBlockAsync(Guid weddingId, RoomBlockRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        if (await db.RoomBlocks.CountAsync(b => b.WeddingId == weddingId, cancellationToken) >= MaxBlocksPerWedding)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture, $"A wedding holds at most {MaxBlocksPerWedding} room blocks."));
        }
        var block = new RoomBlock { WeddingId = weddingId, Hotel = "", RoomType = "" };
        await ApplyAsync(block, request, [], cancellationToken);
        db.RoomBlocks.Add(block);
        audit.Record("room-block.created", nameof(RoomBlock), block.Id, $"wedding {weddingId}");
        Changed(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(block, cancellationToken);
    }

    public async Task<RoomBlockResponse> UpdateBlockAsync(Guid weddingId, Guid id, RoomBlockRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var block = await db.RoomBlocks.FirstOrDefaultAsync(b => b.Id == id && b.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Room block");
        Concurrency.Expect(block, expectedVersion, "room block");
        var allotments = await db.RoomAllotments.AsNoTracking().Where(a => a.BlockId == id).ToListAsync(cancellationToken);
        await ApplyAsync(block, request, allotments, cancellationToken);
        Changed(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(block, cancellationToken);
    }

    /// <summary>Deletes the block with the rooms given from it.</summary>
    public async Task DeleteBlockAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var block = await db.RoomBlocks.FirstOrDefaultAsync(b => b.Id == id && b.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Room block");
        if (expectedVersion is { } version)
        {
            Concurrency.Expect(block, version, "room block");
        }
        db.RoomBlocks.Remove(block);
        audit.Record("room-block.deleted", nameof(RoomBlock), block.Id, $"{block.RoomType} at {block.Hotel}");
        Changed(weddingId);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RoomBlockResponse> AllotAsync(Guid weddingId, Guid blockId, RoomAllotmentRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var block = await db.RoomBlocks.FirstOrDefaultAsync(b => b.Id == blockId && b.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Room block");
        var allotment = new RoomAllotment { WeddingId = weddingId, BlockId = blockId };
        await ApplyAsync(block, allotment, request, cancellationToken);
        db.RoomAllotments.Add(allotment);
        audit.Record("room-allotment.created", nameof(RoomAllotment), allotment.Id, $"block {blockId}, household {allotment.HouseholdId}");
        await SaveRoomsAsync(block, cancellationToken);
        return await ResponseAsync(block, cancellationToken);
    }

    /// <summary>Changes a room's guests or nights; answers the room.</summary>
    public async Task<RoomAllotmentResponse> UpdateAllotmentAsync(Guid weddingId, Guid id, RoomAllotmentRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var allotment = await db.RoomAllotments.FirstOrDefaultAsync(a => a.Id == id && a.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Room");
        Concurrency.Expect(allotment, expectedVersion, "room");
        var block = await db.RoomBlocks.FirstAsync(b => b.Id == allotment.BlockId, cancellationToken);
        await ApplyAsync(block, allotment, request, cancellationToken);
        await SaveRoomsAsync(block, cancellationToken);
        return (await ResponseAsync(block, cancellationToken)).Allotments.First(a => a.Id == id);
    }

    public async Task DeleteAllotmentAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var allotment = await db.RoomAllotments.FirstOrDefaultAsync(a => a.Id == id && a.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Room");
        if (expectedVersion is { } version)
        {
            Concurrency.Expect(allotment, version, "room");
        }
        db.RoomAllotments.Remove(allotment);
        audit.Record("room-allotment.deleted", nameof(RoomAllotment), allotment.Id, $"block {allotment.BlockId}, household {allotment.HouseholdId}");
        await SaveRoomsAsync(await db.RoomBlocks.FirstAsync(b => b.Id == allotment.BlockId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Saves a change of the block's rooms with a new <see cref="RoomBlock.RoomsStamp"/>: checked against the stamp read, so
    /// that of two changes made at once from the same rooms, the second is refused instead of giving a room twice.
    /// </summary>
    private async Task SaveRoomsAsync(RoomBlock block, CancellationToken cancellationToken)
    {
        block.RoomsStamp = Guid.CreateVersion7();
        Changed(block.WeddingId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ApiException.Conflict($"Someone changed the rooms of {block.RoomType} at {block.Hotel} at the same moment. Look at the rooms again, then try again.");
        }
    }

    private async Task ApplyAsync(RoomBlock block, RoomBlockRequest request, IReadOnlyList<RoomAllotment> given, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var hotel = await venues.NameAsync(request.VenueId!.Value, cancellationToken);
        if (hotel is null)
        {
            errors.Add("venueId", "Choose a hotel from the venue book.");
        }
        var (checkIn, checkOut) = (request.CheckIn!.Value, request.CheckOut!.Value);
        if (checkOut <= checkIn)
        {
            errors.Add("checkOut", "Check-out is a day after check-in or later.");
        }
        else if (checkOut.DayNumber - checkIn.DayNumber > MaxNights)
        {
            errors.Add("checkOut", string.Create(CultureInfo.InvariantCulture, $"A block holds rooms for at most {MaxNights} nights."));
        }
        if (given.FirstOrDefault(a => a.CheckIn < checkIn || a.CheckOut > checkOut) is { } outside)
        {
            errors.Add("checkIn", $"A room is given from {Day(outside.CheckIn)} to {Day(outside.CheckOut)}: keep those nights in the block, or change that room first.");
        }
        errors.ThrowIfAny();
        var fullest = Nights(checkIn, checkOut).Select(night => (Night: night, Given: given.Count(a => a.SharesANightWith(night, night.AddDays(1))))).MaxBy(n => n.Given);
        if (fullest.Given > request.Rooms)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"{fullest.Given} rooms are given on {Day(fullest.Night)}: the block needs at least that many, or take rooms back first."));
        }
        block.VenueId = request.VenueId;
        (block.Hotel, block.City) = (hotel!.Name, hotel.City);
        block.RoomType = request.RoomType.Trim();
        block.Rooms = request.Rooms!.Value;
        (block.CheckIn, block.CheckOut) = (checkIn, checkOut);
        block.RatePaise = request.RatePaise;
        block.PaidBy = request.PaidBy!.Value;
        block.Notes = request.Notes.TrimmedOrNull();
    }

    /// <summary>Checks the room against the block's nights and rooms and against the guests' other rooms, then sets it.</summary>
    private async Task ApplyAsync(RoomBlock block, RoomAllotment allotment, RoomAllotmentRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var householdId = request.HouseholdId!.Value;
        var household = (await guests.HouseholdsAsync(block.WeddingId, [householdId], cancellationToken)).GetValueOrDefault(householdId);
        if (household is null)
        {
            errors.Add("householdId", "Choose a household of this wedding's guest list.");
        }
        else if (request.Guests.Distinct().Count() != request.Guests.Count || request.Guests.Any(id => household.Members.All(m => m.Id != id)))
        {
            errors.Add("guests", $"Choose members of {household.DisplayName}, each once.");
        }
        var (checkIn, checkOut) = (request.CheckIn!.Value, request.CheckOut!.Value);
        if (checkOut <= checkIn)
        {
            errors.Add("checkOut", "Check-out is a day after check-in or later.");
        }
        else if (checkIn < block.CheckIn || checkOut > block.CheckOut)
        {
            errors.Add("checkIn", $"The block at {block.Hotel} holds rooms from {Day(block.CheckIn)} to {Day(block.CheckOut)}.");
        }
        errors.ThrowIfAny();

        var others = await db.RoomAllotments.AsNoTracking().Where(a => a.Id != allotment.Id && (a.BlockId == block.Id || a.HouseholdId == householdId))
            .ToListAsync(cancellationToken);
        foreach (var night in Nights(checkIn, checkOut))
        {
            var given = others.Count(a => a.BlockId == block.Id && a.SharesANightWith(night, night.AddDays(1)));
            if (given >= block.Rooms)
            {
                throw ApiException.Conflict($"All {Rooms(block.Rooms)} of {block.RoomType} at {block.Hotel} are given on {Day(night)}. Add rooms to the block, or choose other nights.");
            }
        }
        if (others.FirstOrDefault(a => a.HouseholdId == householdId && a.SharesANightWith(checkIn, checkOut) && a.Guests.Intersect(request.Guests).Any()) is { } clash)
        {
            var night = clash.CheckIn > checkIn ? clash.CheckIn : checkIn;
            var guest = household!.Members.First(m => clash.Guests.Contains(m.Id) && request.Guests.Contains(m.Id)).Name;
            var where = clash.BlockId == block.Id ? block : await db.RoomBlocks.AsNoTracking().FirstAsync(b => b.Id == clash.BlockId, cancellationToken);
            throw ApiException.Conflict($"{guest} already has a room on {Day(night)}: {where.RoomType} at {where.Hotel}, {Day(clash.CheckIn)} to {Day(clash.CheckOut)}.");
        }
        allotment.HouseholdId = householdId;
        allotment.Guests = [.. request.Guests];
        (allotment.CheckIn, allotment.CheckOut) = (checkIn, checkOut);
    }

    private async Task<RoomBlockResponse> ResponseAsync(RoomBlock block, CancellationToken cancellationToken)
    {
        var allotments = await db.RoomAllotments.AsNoTracking().Where(a => a.BlockId == block.Id).ToListAsync(cancellationToken);
        var households = await guests.HouseholdsAsync(block.WeddingId, allotments.Select(a => a.HouseholdId).Distinct().ToList(), cancellationToken);
        return ToResponse(block, allotments, households);
    }

    private RoomBlockResponse ToResponse(RoomBlock b, IReadOnlyList<RoomAllotment> allotments, Dictionary<Guid, HouseholdMembers> households)
    {
        var fewestFree = b.Rooms - Nights(b.CheckIn, b.CheckOut).Select(night => allotments.Count(a => a.SharesANightWith(night, night.AddDays(1)))).DefaultIfEmpty().Max();
        var rooms = allotments.OrderBy(a => a.CheckIn).ThenBy(a => households.GetValueOrDefault(a.HouseholdId)?.DisplayName).ThenBy(a => a.Id).Select(a =>
        {
            var household = households.GetValueOrDefault(a.HouseholdId);
            // A member taken off the household since is no longer shown in the room.
            var names = household?.Members.Where(m => a.Guests.Contains(m.Id)).Select(m => new RoomGuest(m.Id, m.Name)).ToList() ?? [];
            return new RoomAllotmentResponse(a.Id, a.BlockId, a.HouseholdId, household?.DisplayName ?? "", names, a.CheckIn, a.CheckOut, a.Version);
        }).ToList();
        return new RoomBlockResponse(b.Id, b.WeddingId, b.VenueId, b.Hotel, b.City, b.RoomType, b.Rooms, b.CheckIn, b.CheckOut,
            currentUser.Can(Permissions.FinancialView) ? b.RatePaise : null, b.PaidBy, currentUser.Can(Permissions.WeddingInternal) ? b.Notes : null, fewestFree, rooms, b.Version);
    }

    private static IEnumerable<DateOnly> Nights(DateOnly checkIn, DateOnly checkOut) =>
        Enumerable.Range(0, Math.Max(0, checkOut.DayNumber - checkIn.DayNumber)).Select(checkIn.AddDays);

    internal static string Day(DateOnly day) => IndianFormat.Date(day);

    private static string Rooms(int count) => count == 1 ? "1 room" : string.Create(CultureInfo.InvariantCulture, $"{count} rooms");

    private void Changed(Guid weddingId) => changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.RoomsChanged, null));
}
