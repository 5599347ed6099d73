using WedTech.Server.Weddings;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Guests.Import;

/// <summary>
/// Imports a family's spreadsheet, a Google Sheets download or a Zola or Knot export into a wedding's guest list: the
/// file is read and planned against the list as it is (nothing written), then imported by a job in one transaction.
/// Importing the same file again adds nothing; a Zola RSVP file after its guest list brings the answers in.
/// </summary>
public sealed class GuestImportService(
    TenantDbContext db, IWeddingDirectory weddings, IWeddingEvents events, AuditLog audit, CurrentUser currentUser, TimeProvider time, GuestsChanged changes,
    TenantJobs jobs)
{
    /// <summary>The file's limit and room for the form around it.</summary>
    public const long MaxRequestBytes = GuestFile.MaxBytes + 512 * 1024;

    private const int MaxMappingBytes = 256 * 1024;
    private const int SamplesPerColumn = 3;

    public async Task<GuestImportPreview> PreviewAsync(Guid weddingId, HttpRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var form = await ReadFormAsync(request, cancellationToken);
        var file = GuestFile.Read(new MemoryStream(form.File), form.FileName);
        var mapping = form.Mapping ?? MappingDetection.Detect(file);
        var plan = await PlanAsync(weddingId, file, mapping, cancellationToken);
        var known = (await events.OfWeddingAsync(weddingId, cancellationToken)).Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = plan.Households.SelectMany(h => h.Invitations).Select(i => i.Event).Where(e => !known.Contains(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var similar = plan.Households.Where(h => h.Match.Kind == MatchKind.Similar).Select(h => new SimilarHousehold(h.Rows[0].Sheet, h.Rows[0].Row, h.DisplayName,
            [.. h.Members.Select(m => m.Name)], h.Match.ExistingHouseholdId!.Value, h.Match.ExistingDisplayName!)).ToList();
        return new GuestImportPreview(form.FileName, mapping, Samples(file, mapping), plan.RowsRead, plan.RowsLeftOut, plan.Households.Count,
            plan.Households.Sum(h => h.Members.Count), plan.Households.Sum(h => h.Invitations.Count),
            plan.Households.Sum(h => h.Invitations.Sum(i => i.Answers.Count(a => a.Answer != RsvpAnswer.Pending))),
            plan.Households.Count(h => h.Match.Kind == MatchKind.New), plan.Households.Count(h => h.Match.Kind == MatchKind.Same), similar.Count, similar,
            plan.Issues, unknown);
    }

    /// <summary>The first few values under each mapped column, as the planner chooses what the column holds.</summary>
    private static List<ColumnSamples> Samples(GuestFile file, ImportMapping mapping) =>
    [
        .. mapping.Sheets.Join(file.Sheets, m => m.Sheet, s => s.Name, (m, s) => (m, s)).SelectMany(pair => pair.m.Columns.Select(column =>
            new ColumnSamples(pair.m.Sheet, column.Column, [.. pair.s.Rows.Where(r => r.Number > pair.m.HeaderRow).Select(r => r.Cell(column.Column))
                .Where(value => value.Length > 0).Take(SamplesPerColumn).Select(value => Fit(value, 60)!)]))),
    ];

    /// <summary>
    /// Checks the file, the mapping and the choices as the preview does, keeps the upload and queues the import: its
    /// status answers at <c>guest-imports/{id}</c> until it is done.
    /// </summary>
    public async Task<GuestImportResponse> StartAsync(Guid weddingId, HttpRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var form = await ReadFormAsync(request, cancellationToken);
        var file = GuestFile.Read(new MemoryStream(form.File), form.FileName);
        var mapping = form.Mapping ?? MappingDetection.Detect(file);
        var plan = await PlanAsync(weddingId, file, mapping, cancellationToken);
        var import = new GuestImport
        {
            WeddingId = weddingId, FileName = Fit(form.FileName, 255)!, Content = form.File, Mapping = mapping, Similar = form.Similar, Choices = [.. form.Choices],
            RowsTotal = plan.RowsRead, RequestedBy = currentUser.Required.Id, CreatedAt = time.GetUtcNow(),
        };
        db.GuestImports.Add(import);
        audit.Record("guests.import-queued", nameof(GuestImport), import.Id, string.Create(CultureInfo.InvariantCulture, $"wedding {weddingId}: {plan.RowsRead} rows"));
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<GuestImportJob, Guid>(import.Id);
        return import.ToResponse();
    }

    public async Task<GuestImportResponse> GetAsync(Guid weddingId, Guid importId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var import = await db.GuestImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId && i.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Import");
        return import.ToResponse();
    }

    /// <summary>
    /// Imports a queued upload in one transaction, planned against the list as it is once no other import of the wedding
    /// is writing: the households, the result, and the upload dropped, all in one commit. An import already done (a
    /// duplicate run) is left as it is.
    /// </summary>
    internal async Task ImportAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var weddingId = await db.GuestImports.Where(i => i.Id == importId).Select(i => i.WeddingId).FirstOrDefaultAsync(cancellationToken);
        // The first write of the transaction: waits for another import of this wedding to commit (see ImportingWeddingId).
        await db.GuestImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ImportingWeddingId, weddingId), cancellationToken);
        var import = await db.GuestImports.FirstOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is not { Status: GuestImportStatus.Queued or GuestImportStatus.Running, Content: { } content })
        {
            return;
        }
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var plan = await PlanAsync(weddingId, GuestFile.Read(new MemoryStream(content), import.FileName), import.Mapping, cancellationToken);
        var result = await WriteAsync(weddingId, plan, ChoiceOf(import), cancellationToken);
        import.Status = GuestImportStatus.Done;
        import.RowsDone = import.RowsTotal;
        import.Result = result;
        import.Content = null;
        import.ImportingWeddingId = null;
        import.FinishedAt = time.GetUtcNow();
        changes.AfterCommit(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The planner's choice for a similar household (by its first row), else the import's default.</summary>
    private static Func<PlannedHousehold, SimilarChoice> ChoiceOf(GuestImport import)
    {
        var chosen = import.Choices.GroupBy(c => (c.Sheet, c.Row)).ToDictionary(g => g.Key, g => g.Last().Choice);
        return household => chosen.GetValueOrDefault((household.Rows[0].Sheet, household.Rows[0].Row), import.Similar);
    }

    private async Task<GuestImportResult> WriteAsync(Guid weddingId, ImportPlan plan, Func<PlannedHousehold, SimilarChoice> similarChoice, CancellationToken cancellationToken)
    {
        var byName = (await events.OfWeddingAsync(weddingId, cancellationToken)).GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var existingIds = plan.Households.Where(h => h.Match.Kind != MatchKind.New).Select(h => h.Match.ExistingHouseholdId!.Value).ToList();
        var existing = await db.Households.Include(h => h.Members).Include(h => h.Invitations).AsSplitQuery()
            .Where(h => h.WeddingId == weddingId && existingIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var now = time.GetUtcNow();
        var (added, merged, unchanged, skipped, answers) = (0, 0, 0, 0, 0);
        var count = await db.Households.CountAsync(h => h.WeddingId == weddingId, cancellationToken);
        foreach (var planned in plan.Households)
        {
            var match = planned.Match.Kind == MatchKind.Similar ? similarChoice(planned) : planned.Match.Kind == MatchKind.Same ? SimilarChoice.Merge : SimilarChoice.Create;
            if (match == SimilarChoice.Skip)
            {
                skipped++;
                continue;
            }
            Household household;
            if (match == SimilarChoice.Create)
            {
                if (++count > GuestService.MaxHouseholdsPerWedding)
                {
                    throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture,
                        $"A wedding's guest list holds at most {GuestService.MaxHouseholdsPerWedding:N0} households; this file would take it over."));
                }
                household = NewHousehold(weddingId, planned);
                db.Households.Add(household);
                added++;
            }
            else if (existing.GetValueOrDefault(planned.Match.ExistingHouseholdId!.Value) is { } found)
            {
                household = found;
            }
            else
            {
                // Deleted by someone else between the planning and this save: nothing left to complete.
                skipped++;
                continue;
            }
            var (membersBefore, invitationsBefore) = (household.Members.Count, household.Invitations.Count);
            if (match == SimilarChoice.Merge)
            {
                AddMissingMembers(household, planned);
            }
            var members = MembersOf(household, planned);
            var answered = Invite(household, planned, members, byName, now);
            answers += answered;
            if (match == SimilarChoice.Merge && (household.Members.Count > membersBefore || household.Invitations.Count > invitationsBefore || answered > 0))
            {
                merged++;
            }
            else if (match == SimilarChoice.Merge)
            {
                unchanged++;
            }
        }
        audit.Record("household.imported", nameof(Household), null, string.Create(CultureInfo.InvariantCulture,
            $"wedding {weddingId}: {added} added, {merged} merged, {answers} answers, from {plan.RowsRead} rows"));
        return new GuestImportResult(added, merged, unchanged, skipped, answers, plan.Issues);
    }

    private async Task<ImportPlan> PlanAsync(Guid weddingId, GuestFile file, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var households = await db.Households.AsNoTracking().Where(h => h.WeddingId == weddingId)
            .Select(h => new { h.Id, h.DisplayName, h.Phone, Members = h.Members.Select(m => new { m.Name, m.LatinName, m.GuestOf, m.Phone }).ToList() })
            .ToListAsync(cancellationToken);
        var existing = households.Select(h => new ExistingHousehold(h.Id, h.DisplayName,
            h.Members.Select(m => m.Phone).Prepend(h.Phone).OfType<string>().Distinct().ToList(),
            h.Members.SelectMany(m => new[] { m.Name, m.LatinName, m.GuestOf }).OfType<string>().Select(GuestNames.Key).Distinct().ToList())).ToList();
        return ImportPlanner.Plan(file, mapping, existing);
    }

    private static Household NewHousehold(Guid weddingId, PlannedHousehold planned)
    {
        var household = new Household
        {
            WeddingId = weddingId, DisplayName = Fit(planned.DisplayName, 200)!, Side = planned.Side ?? GuestSide.Both, Group = Fit(planned.Group, 100),
            Phone = planned.Phone, Email = Fit(planned.Email, 254), City = Fit(planned.City, 100), State = Fit(planned.State, 100),
            Country = (planned.Country is { } country ? GuestPhones.RegionOf(country) : null) ?? Messaging.PhoneNumbers.DefaultRegion,
            Tags = [.. planned.Tags.Select(tag => Fit(tag.Replace("#", "", StringComparison.Ordinal).ReplaceLineEndings(" ").Trim(), GuestTags.MaxLength)!)
                .Where(tag => tag.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(GuestTags.MaxPerHousehold)],
            Notes = Fit(planned.Notes, 4000),
        };
        AddMissingMembers(household, planned);
        return household;
    }

    /// <summary>Adds the planned members the household does not have yet (by name in any script).</summary>
    private static void AddMissingMembers(Household household, PlannedHousehold planned)
    {
        var found = MembersOf(household, planned);
        for (var i = 0; i < planned.Members.Count; i++)
        {
            if (found[i] is not null)
            {
                continue;
            }
            var member = planned.Members[i];
            household.Members.Add(new Guest
            {
                HouseholdId = household.Id, Position = household.Members.Count, Name = member.Unnamed ? null : Fit(member.Name, 200),
                GuestOf = member.Unnamed ? Fit(member.Host ?? planned.DisplayName, 200) : null, LatinName = Fit(member.LatinName, 200),
                Honorific = Fit(member.Honorific, 30), AgeGroup = member.AgeGroup, Diet = member.Diet, Allergies = Fit(member.Allergies, 500), Phone = member.Phone,
                Email = Fit(member.Email, 254),
            });
        }
        household.RefreshSearchText();
    }

    /// <summary>
    /// The household's member each planned member is, or null for one it lacks: named members by name in any script, unnamed places
    /// by whose guest they are, each member taken once (two places "guest of Rahul" are two members, and a second import finds both).
    /// </summary>
    private static List<Guest?> MembersOf(Household household, PlannedHousehold planned)
    {
        var taken = new HashSet<Guest>();
        return [.. planned.Members.Select(wanted => household.Members.FirstOrDefault(member => !taken.Contains(member) && Same(member, wanted, planned)) is { } found
            && taken.Add(found) ? found : null)];
    }

    private static bool Same(Guest guest, PlannedGuest planned, PlannedHousehold household) => planned.Unnamed
        ? guest.Name is null && guest.GuestOf is { } host && GuestNames.Key(host) == GuestNames.Key(planned.Host ?? household.DisplayName)
        : guest.Name is { } name && GuestNames.Key(name) == GuestNames.Key(planned.Name);

    /// <summary>Invites the household to the file's events it names and records the answers it gives; returns how many answers changed.</summary>
    private int Invite(Household household, PlannedHousehold planned, List<Guest?> members, Dictionary<string, Guid> events, DateTimeOffset now)
    {
        var answered = 0;
        foreach (var wanted in planned.Invitations)
        {
            if (!events.TryGetValue(wanted.Event, out var eventId))
            {
                continue;
            }
            var invitation = household.Invitations.Find(i => i.EventId == eventId);
            if (invitation is null)
            {
                invitation = new Invitation { HouseholdId = household.Id, WeddingId = household.WeddingId, EventId = eventId, Places = Math.Clamp(wanted.Places, 1, 100) };
                household.Invitations.Add(invitation);
            }
            var given = wanted.Answers.Where(a => a.Answer != RsvpAnswer.Pending && members.ElementAtOrDefault(a.Member) is not null)
                .Select(a => new MemberAnswer(members[a.Member]!.Id, a.Answer)).ToList();
            if (given.Count == 0)
            {
                continue;
            }
            invitation.Places = Math.Max(invitation.Places, given.Count(a => a.Answer == RsvpAnswer.Attending));
            if (Rsvp.Apply(household, invitation, new RsvpRequest(given, null), now, RsvpSource.Import, currentUser.User?.Id, "") is { } change)
            {
                db.RsvpChanges.Add(change);
                answered++;
            }
        }
        return answered;
    }

    private sealed record ImportForm(string FileName, byte[] File, ImportMapping? Mapping, SimilarChoice Similar, IReadOnlyList<SimilarHouseholdChoice> Choices);

    /// <summary>
    /// The form: the file (any order), and optionally "mapping" (the preview's mapping, changed by the planner, as JSON) and
    /// "similar" (skip, merge or create: what to do with households that look like ones on the list; skip by default) and
    /// "choices" (a JSON list of <see cref="SimilarHouseholdChoice"/>: a choice for one such household, by its first row).
    /// </summary>
    private static async Task<ImportForm> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the guest list as multipart/form-data, in a part named file.");
        }
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = GuestFile.MaxBytes + 1 };
        (string Name, byte[] Bytes)? file = null;
        ImportMapping? mapping = null;
        var similar = SimilarChoice.Skip;
        IReadOnlyList<SimilarHouseholdChoice> choices = [];
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }
                if (disposition.IsFileDisposition())
                {
                    if (file is not null)
                    {
                        throw new ValidationFailedException(GuestFile.Field, "Send one guest list at a time.");
                    }
                    using var buffer = new MemoryStream();
                    await section.Body.CopyToAsync(buffer, cancellationToken);
                    var name = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).Value;
                    file = (string.IsNullOrWhiteSpace(name) ? "guests" : Path.GetFileName(name), buffer.ToArray());
                }
                else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value is "mapping")
                {
                    mapping = Parse<ImportMapping>(await ReadTextAsync(section.Body, MaxMappingBytes, "mapping", cancellationToken), "mapping",
                        "Send back the mapping of the preview, changed where it is wrong, as JSON.");
                }
                else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value is "choices")
                {
                    choices = Parse<List<SimilarHouseholdChoice>>(await ReadTextAsync(section.Body, MaxMappingBytes, "choices", cancellationToken), "choices",
                        "Send the choices as JSON: a list of the similar households' sheet and row, each with skip, merge or create.");
                }
                else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value is "similar")
                {
                    var text = (await ReadTextAsync(section.Body, 64, "similar", cancellationToken)).Trim();
                    similar = ApiConventions.TryParseEnum<SimilarChoice>(text, out var choice) ? choice
                        : throw new ValidationFailedException("similar", "Choose skip, merge or create for households that look like ones on the list.");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException || e is IOException and not BadHttpRequestException)
        {
            // The reader's own limit (a file part over 10 MB), a malformed form, or a body cut short.
            throw new ValidationFailedException(GuestFile.Field, "Send one complete guest list of at most 10 MB as multipart/form-data.");
        }
        if (file is not { } found)
        {
            throw new ValidationFailedException(GuestFile.Field, "Attach the guest list: a CSV or Excel file.");
        }
        return new ImportForm(found.Name, found.Bytes, mapping, similar, choices);
    }

    private static T Parse<T>(string json, string field, string message)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ApiJson.Options) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new ValidationFailedException(field, message);
        }
    }

    /// <summary>A text part of the form, read no further than its limit: beyond it, the form is refused.</summary>
    private static async Task<string> ReadTextAsync(Stream part, int limit, string field, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await part.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        return length > limit
            ? throw new ValidationFailedException(field, "This part of the form is too long; send back the preview's mapping and choice.")
            : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>A value from a file, cut to the column's length (a spreadsheet cell has no limit).</summary>
    private static string? Fit(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
