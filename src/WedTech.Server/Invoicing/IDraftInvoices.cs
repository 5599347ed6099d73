namespace WedTech.Server.Invoicing;

/// <summary>Drafts made by other modules (a won lead's first invoice from its accepted proposal). Added to the caller's unit of work.</summary>
public interface IDraftInvoices
{
    /// <summary>
    /// A draft tax invoice to the recipient with these lines, its tax worked out as any draft's (the place of supply from the
    /// wedding's venues and the studio's state until the planner gives the recipient's address). The caller saves.
    /// </summary>
    Task<Guid> DraftAsync(Guid weddingId, string recipientName, IReadOnlyList<InvoiceItem> lines, DateOnly? dueOn, string? notes, CancellationToken cancellationToken);
}
