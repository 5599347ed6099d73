using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Weddings;

namespace WedTech.Server.Seating;

/// <summary>
/// An event's seating: its tables, who sits where, the pairs kept apart, and the automatic arrangement. Whoever may see the
/// wedding's guest list may see its seating; the couple never sees the studio's notes. Every write keeps the rules
/// (<see cref="SeatingRules"/>) or is refused naming the clash.
/// </summary>
public sealed class SeatingService(
    TenantDbContext db, AuditLog audit, IWeddingDirectory weddings, IWeddingEvents events, IEventGuestList guestList, CurrentUser currentUser,
    WeddingChanges changes)
{
    private bool SeesInternal => currentUser.Can(Permissions.WeddingInternal);

    /// <summary>What a request works on: the event, its plan and tables, and the households coming.</summary>
    internal sealed record Seating(EventOfWedding Event, SeatingPlan Plan, List<SeatingTable> Tables, IReadOnlyList<EventHousehold> Households)
    {
        public HashSet<Guid> Coming { get; } = [.. Households.SelectMany(h => h.Guests).Select(g => g.Id)];

        /// <summary>Guest → table, of the guests coming (a seat of a guest who has since declined is not counted).</summary>
        public Dictionary<Guid, Guid> SeatMap() => Plan.Seats.Where(s => Coming.Contains(s.GuestId)).ToDictionary(s => s.GuestId, s => s.TableId);

        public SeatingRules Rules() => new(Tables.Select(t => new TableSlot(t.Id, t.Name, t.Seats, t.Position)), Households,
            Plan.KeepApart.Where(p => Coming.Contains(p.FirstGuestId) && Coming.Contains(p.SecondGuestId)).Select(p => (p.FirstGuestId, p.SecondGuestId)));
    }

    public async Task<SeatingResponse> GetAsync(Guid weddingId, Guid eventId, CancellationToken cancellationToken) =>
        ToResponse(await LoadAsync(weddingId, eventId, tracked: false, cancellationToken));

    /// <summary>The seating as read (for the printouts), with the request's checks.</summary>
    internal Task<Seating> ReadAsync(Guid weddingId, Guid eventId, CancellationToken cancellationToken) => LoadAsync(weddingId, eventId, tracked: false, cancellationToken);

    /// <summary>Replaces the pairs kept apart and the notes; a pair seated together now is refused.</summary>
    public async Task<SeatingResponse> SavePlanAsync(Guid weddingId, Guid eventId, SeatingPlanRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var seating = await LoadAsync(weddingId, eventId, tracked: true, cancellationToken);
        var plan = seating.Plan;
        Concurrency.Expect(plan, expectedVersion, "seating");
        var rules = seating.Rules();
        var seats = seating.SeatMap();
        var errors = new FieldErrors();
        var wanted = new List<(Guid First, Guid Second, string? Reason)>();
        var given = request.KeepApart ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"keepApart[{i}]";
            if (given[i] is not { FirstGuestId: { } first, SecondGuestId: { } second } pair)
            {
                errors.Add(field, "Give the two guests to keep apart.");
                continue;
            }
            var known = true;
            foreach (var (id, name) in new[] { (first, "firstGuestId"), (second, "secondGuestId") })
            {
                if (!seating.Coming.Contains(id))
                {
                    errors.Add($"{field}.{name}", "This guest is not coming to this event (not invited, or declined).");
                    known = false;
                }
            }
            if (!known)
            {
                continue;
            }
            if (first == second)
            {
                errors.Add($"{field}.secondGuestId", "Give two different guests.");
            }
            else if (wanted.Exists(w => (w.First == first && w.Second == second) || (w.First == second && w.Second == first)))
            {
                errors.Add(field, $"{rules.GuestName(first)} and {rules.GuestName(second)} are already in the list; give each pair once.");
            }
            else if (seats.TryGetValue(first, out var a) && seats.TryGetValue(second, out var b) && a == b)
            {
                errors.Add(field, $"{rules.GuestName(first)} and {rules.GuestName(second)} sit together at {seating.Tables.First(t => t.Id == a).Name} now: move one of them first.");
            }
            else if (rules.HouseholdOf(first)?.Id == rules.HouseholdOf(second)?.Id && !plan.SplitHouseholds.Contains(rules.HouseholdOf(first)!.Id))
            {
                errors.Add(field, $"{rules.GuestName(first)} and {rules.GuestName(second)} are of one household, which sits together: split the household first.");
            }
            wanted.Add((first, second, pair.Reason.TrimmedOrNull()));
        }
        errors.ThrowIfAny();

        plan.KeepApart.RemoveAll(kept => !wanted.Exists(w => Same(kept, w.First, w.Second)));
        foreach (var (first, second, reason) in wanted)
        {
            var kept = plan.KeepApart.Find(k => Same(k, first, second));
            if (kept is null)
            {
                plan.KeepApart.Add(new KeepApartPair { PlanId = plan.Id, FirstGuestId = first, SecondGuestId = second, Reason = reason });
            }
            else if (kept.Reason != reason)
            {
                kept.Reason = reason;
            }
        }
        if (SeesInternal)
        {
            plan.Notes = request.Notes.TrimmedOrNull();
        }
        await SaveIfChangedAsync(seating, cancellationToken);
        return ToResponse(seating);

        static bool Same(KeepApartPair pair, Guid first, Guid second) =>
            (pair.FirstGuestId == first && pair.SecondGuestId == second) || (pair.FirstGuestId == second && pair.SecondGuestId == first);
    }

    public async Task<SeatingTableResponse> CreateTableAsync(Guid weddingId, Guid eventId, SeatingTableRequest request, CancellationToken cancellationToken)
    {
        var seating = await LoadAsync(weddingId, eventId, tracked: true, cancellationToken);
        if (seating.Tables.Count >= SeatingLimits.MaxTables)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture, $"An event has at most {SeatingLimits.MaxTables} tables."));
        }
        var table = new SeatingTable { WeddingId = weddingId, EventId = eventId, Name = "" };
        Apply(seating, table, request, seated: 0);
        db.SeatingTables.Add(table);
        Reorder(seating.Tables, table, request.Position ?? seating.Tables.Count);
        audit.Record("seating-table.created", nameof(SeatingTable), table.Id, $"event {eventId}: {table.Name}");
        Publish(seating);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(seating, table);
    }

    public async Task<SeatingTableResponse> UpdateTableAsync(Guid weddingId, Guid eventId, Guid tableId, SeatingTableRequest request, long expectedVersion,
        CancellationToken cancellationToken)
    {
        var seating = await LoadAsync(weddingId, eventId, tracked: true, cancellationToken);
        var table = seating.Tables.Find(t => t.Id == tableId) ?? throw ApiException.NotFound("Table");
        Concurrency.Expect(table, expectedVersion, "table");
        Apply(seating, table, request, seated: seating.SeatMap().Count(s => s.Value == table.Id));
        if (request.Position is { } position)
        {
            Reorder(seating.Tables, table, position);
        }
        if (seating.Tables.Exists(t => WritePath.ChangedFields(db, t) is not null))
        {
            Publish(seating);
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToResponse(seating, table);
    }

    /// <summary>Removes the table; the guests seated at it are unseated (their seats go with it).</summary>
    public async Task DeleteTableAsync(Guid weddingId, Guid eventId, Guid tableId, long? expectedVersion, CancellationToken cancellationToken)
    {
        var seating = await LoadAsync(weddingId, eventId, tracked: true, cancellationToken);
        var table = seating.Tables.Find(t => t.Id == tableId) ?? throw ApiException.NotFound("Table");
        Concurrency.Expect(table, expectedVersion, "table");
        foreach (var seat in seating.Plan.Seats.Where(s => s.TableId == table.Id).ToList())
        {
            seating.Plan.Seats.Remove(seat);
            db.Seats.Remove(seat);
        }
        db.SeatingTables.Remove(table);
        seating.Tables.Remove(table);
        for (var i = 0; i < seating.Tables.Count; i++)
        {
            seating.Tables[i].Position = i;
        }
        audit.Record("seating-table.deleted", nameof(SeatingTable), table.Id, $"event {eventId}: {table.Name}");
        Publish(seating);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Seats, moves and unseats households and guests, all or none: the result keeps every rule or nothing changes.</summary>
    public async Task<SeatingResponse> MoveAsync(Guid weddingId, Guid eventId, SeatingMovesRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        var seating = await LoadAsync(weddingId, eventId, tracked: true, cancellationToken);
        Concurrency.Expect(seating.Plan, expectedVersion, "seating");
        var rules = seating.Rules();
        var tables = seating.Tables.ToDictionary(t => t.Id);
        var households = seating.Households.ToDictionary(h => h.Id);
        var errors = new FieldErrors();
        var movedBy = new Dictionary<Guid, int>();
        var touched = new HashSet<Guid>();
        var seats = seating.SeatMap();
        var moves = request.Moves ?? [];
        for (var i = 0; i < moves.Count; i++)
        {
            var field = $"moves[{i}]";
            var move = moves[i];
            if (move is null || (move.HouseholdId is null) == (move.GuestId is null))
            {
                errors.Add(field, "Give a household or a guest to seat, not both.");
                continue;
            }
            if (move.TableId is { } tableId && !tables.ContainsKey(tableId))
            {
                errors.Add($"{field}.tableId", "This event has no such table.");
                continue;
            }
            IReadOnlyList<Guid> guests;
            if (move.HouseholdId is { } householdId)
            {
                if (!households.TryGetValue(householdId, out var household))
                {
                    errors.Add($"{field}.householdId", "This household is not coming to this event (not invited, or declined).");
                    continue;
                }
                guests = household.Guests.Select(g => g.Id).ToList();
            }
            else if (!seating.Coming.Contains(move.GuestId!.Value))
            {
                errors.Add($"{field}.guestId", "This guest is not coming to this event (not invited, or declined).");
                continue;
            }
            else
            {
                guests = [move.GuestId.Value];
            }
            if (guests.FirstOrDefault(movedBy.ContainsKey) is var twice && twice != default)
            {
                errors.Add(field, $"{rules.GuestName(twice)} is moved twice in this request; move each guest once.");
                continue;
            }
            foreach (var guest in guests)
            {
                movedBy[guest] = i;
                touched.Add(rules.HouseholdOf(guest)!.Id);
                if (move.TableId is { } to)
                {
                    seats[guest] = to;
                }
                else
                {
                    seats.Remove(guest);
                }
            }
        }
        errors.ThrowIfAny();

        var maySplit = seating.Plan.SplitHouseholds.ToHashSet();
        if (request.SplitHousehold)
        {
            maySplit.UnionWith(touched);
        }
        foreach (var (message, guests) in rules.Clashes(seats, maySplit))
        {
            var index = guests.Where(movedBy.ContainsKey).Select(g => movedBy[g]).DefaultIfEmpty(0).Max();
            errors.Add($"moves[{index}]", message);
        }
        errors.ThrowIfAny();
        Seat(seating, seats, maySplit);
        await SaveIfChangedAsync(seating, cancellationToken);
        return ToResponse(seating);
    }

    /// <summary>Seats everyone not yet seated (everyone, with reseatAll), keeping the rules, and says whom it could not seat and why.</summary>
    public async Task<ArrangeResponse> ArrangeAsync(Guid weddingId, Guid eventId, ArrangeRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        var seating = await LoadAsync(weddingId, eventId, tracked: true, cancellationToken);
        Concurrency.Expect(seating.Plan, expectedVersion, "seating");
        var maySplit = request.ReseatAll ? [] : seating.Plan.SplitHouseholds.ToHashSet();
        var slots = seating.Tables.Select(t => new TableSlot(t.Id, t.Name, t.Seats, t.Position)).ToList();
        var pairs = seating.Plan.KeepApart.Where(p => seating.Coming.Contains(p.FirstGuestId) && seating.Coming.Contains(p.SecondGuestId))
            .Select(p => (p.FirstGuestId, p.SecondGuestId)).ToList();
        var result = SeatingArranger.Arrange(slots, seating.Households, request.ReseatAll ? new Dictionary<Guid, Guid>() : seating.SeatMap(), pairs, maySplit);
        Seat(seating, result.Seats, maySplit);
        if (WritePath.ChangedFields(db, seating.Plan) is not null || db.ChangeTracker.Entries<Seat>().Any(e => e.State != EntityState.Unchanged))
        {
            audit.Record("seating.arranged", nameof(SeatingPlan), seating.Plan.Id, string.Create(CultureInfo.InvariantCulture,
                $"event {eventId}: {result.Seated} seated, {result.Issues.Count} households not"));
        }
        await SaveIfChangedAsync(seating, cancellationToken);
        return new ArrangeResponse(result.Seated, result.Issues.Sum(i => i.Guests), result.Issues, ToResponse(seating));
    }

    /// <summary>Makes the plan's seats the map's: moves, adds and removes seats; forgets splits of households together again.</summary>
    private void Seat(Seating seating, Dictionary<Guid, Guid> seats, HashSet<Guid> maySplit)
    {
        var plan = seating.Plan;
        foreach (var seat in plan.Seats.ToList())
        {
            if (!seats.TryGetValue(seat.GuestId, out var table))
            {
                plan.Seats.Remove(seat);
                db.Seats.Remove(seat);
            }
            else if (seat.TableId != table)
            {
                seat.TableId = table;
            }
        }
        var had = plan.Seats.Select(s => s.GuestId).ToHashSet();
        foreach (var (guest, table) in seats.Where(s => !had.Contains(s.Key)))
        {
            plan.Seats.Add(new Seat { PlanId = plan.Id, GuestId = guest, TableId = table });
        }
        var apart = seating.Households.Where(h => h.Guests.Where(g => seats.ContainsKey(g.Id)).Select(g => seats[g.Id]).Distinct().Count() > 1)
            .Select(h => h.Id).ToHashSet();
        var split = maySplit.Where(apart.Contains).Order().ToList();
        if (!split.SequenceEqual(plan.SplitHouseholds.Order()))
        {
            plan.SplitHouseholds = split;
        }
    }

    private async Task SaveIfChangedAsync(Seating seating, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
        {
            Publish(seating);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void Apply(Seating seating, SeatingTable table, SeatingTableRequest request, int seated)
    {
        var errors = new FieldErrors();
        var name = request.Name.TrimmedOrNull();
        if (name is null)
        {
            errors.Add("name", "Give the table's name or number.");
        }
        else if (seating.Tables.Exists(t => t.Id != table.Id && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("name", $"This event already has a table called {name}; give each table its own name.");
        }
        if (request.Seats is { } seats && seats < seated)
        {
            errors.Add("seats", string.Create(CultureInfo.InvariantCulture,
                $"{seated} guests sit at this table: give it at least {seated} seats, or move {seated - seats} of them first."));
        }
        errors.ThrowIfAny();
        table.Name = name!;
        table.Shape = request.Shape!.Value;
        table.Seats = request.Seats!.Value;
        if (SeesInternal)
        {
            table.Notes = request.Notes.TrimmedOrNull();
        }
    }

    /// <summary>Puts the table at the position (the end at most) and numbers the tables from 0.</summary>
    private static void Reorder(List<SeatingTable> tables, SeatingTable table, int position)
    {
        tables.Remove(table);
        tables.Insert(Math.Clamp(position, 0, tables.Count), table);
        for (var i = 0; i < tables.Count; i++)
        {
            if (tables[i].Position != i)
            {
                tables[i].Position = i;
            }
        }
    }

    private void Publish(Seating seating)
    {
        var plan = seating.Plan;
        changes.AfterCommit(() => new WeddingChangedMessage(plan.WeddingId, WeddingChange.SeatingChanged, plan.Version, plan.EventId));
    }

    private async Task<Seating> LoadAsync(Guid weddingId, Guid eventId, bool tracked, CancellationToken cancellationToken)
    {
        if (!await weddings.IsVisibleAsync(weddingId, cancellationToken))
        {
            throw ApiException.NotFound("Wedding");
        }
        var e = (await events.OfWeddingAsync(weddingId, cancellationToken)).Find(x => x.Id == eventId) ?? throw ApiException.NotFound("Event");
        var query = db.SeatingPlans.Include(p => p.Seats).Include(p => p.KeepApart).AsSplitQuery();
        var plan = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.EventId == eventId, cancellationToken);
        if (plan is null)
        {
            plan = new SeatingPlan { WeddingId = weddingId, EventId = eventId };
            if (tracked)
            {
                // Saved at version 1 first, so that the first change is version 2 as for any other record.
                db.SeatingPlans.Add(plan);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another request made it meanwhile.
                    db.Entry(plan).State = EntityState.Detached;
                    plan = await query.FirstAsync(p => p.EventId == eventId, cancellationToken);
                }
            }
        }
        var tables = await (tracked ? db.SeatingTables : db.SeatingTables.AsNoTracking()).Where(t => t.EventId == eventId)
            .OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var households = await guestList.ComingAsync(weddingId, eventId, cancellationToken);
        return new Seating(e, plan, tables, households);
    }

    private SeatingResponse ToResponse(Seating seating)
    {
        var seats = seating.SeatMap();
        var maySplit = seating.Plan.SplitHouseholds.ToHashSet();
        var households = seating.Households.Select(h => new SeatingHousehold(h.Id, h.DisplayName, h.Side, h.Group, maySplit.Contains(h.Id),
            h.Guests.Select(g => new SeatingGuest(g.Id, g.Name, seats.TryGetValue(g.Id, out var t) ? t : null)).ToList())).ToList();
        var names = households.SelectMany(h => h.Guests).ToDictionary(g => g.Id, g => g.Name);
        var pairs = seating.Plan.KeepApart.Where(p => names.ContainsKey(p.FirstGuestId) && names.ContainsKey(p.SecondGuestId))
            .Select(p => new KeepApartPairResponse(p.FirstGuestId, names[p.FirstGuestId], p.SecondGuestId, names[p.SecondGuestId], p.Reason)).ToList();
        return new SeatingResponse(seating.Plan.WeddingId, seating.Event.Id, seating.Event.Name, seating.Tables.Select(t => ToResponse(seating, t, households)).ToList(),
            households, pairs, SeesInternal ? seating.Plan.Notes : null, seating.Plan.Version);
    }

    private SeatingTableResponse ToResponse(Seating seating, SeatingTable table, IReadOnlyList<SeatingHousehold>? households = null) => new(
        table.Id, table.EventId, table.Name, table.Shape, table.Seats, table.Position, SeesInternal ? table.Notes : null,
        (households ?? ToResponse(seating).Households).SelectMany(h => h.Guests).Where(g => g.TableId == table.Id).Select(g => g.Id).ToList(), table.Version);
}
