using System.Text;
using System.Text.RegularExpressions;

namespace WedTech.Server.Agreements;

/// <summary>A block of a contract's text: a heading (level 1 or 2), a paragraph, a bullet, or a table row ("|" cells).</summary>
public sealed record ContractBlock(ContractBlockKind Kind, string Text, IReadOnlyList<string> Cells);

public enum ContractBlockKind { Heading, Subheading, Paragraph, Bullet, TableRow }

/// <summary>The values of the merge fields for one contract.</summary>
public sealed record MergeValues(
    string CoupleNames, string ContactName, string Dates, string Events, string City, string Venues, long FeePaise,
    IReadOnlyList<ContractInstalment> PaymentPlan, string CancellationTerms, string StudioName, DateOnly Today);

/// <summary>
/// The contract markup: blocks separated by blank lines; a line starting "# " is a heading, "## " a subheading, "- " a bullet;
/// other lines join into a paragraph. Merge fields are written <c>{{name}}</c>; <c>{{payment_plan}}</c> on a line of its own
/// becomes a table.
/// </summary>
public static partial class ContractMarkup
{
    public static readonly IReadOnlyList<MergeFieldResponse> Fields =
    [
        new("couple.names", "The couple's names, as the lead names them (\"Aanya & Rohan\")."),
        new("contact.name", "The person the studio deals with (often a parent)."),
        new("dates", "The wedding's dates, first to last."),
        new("events", "The events the couple want (Mehendi, Sangeet, Wedding…)."),
        new("city", "The wedding's city."),
        new("venues", "The venues, as written on the contract."),
        new("fee", "The studio's fee in rupees, Indian format (₹12,50,000)."),
        new("fee.words", "The fee in words (Rupees Twelve Lakh Fifty Thousand Only)."),
        new("payment_plan", "The payment plan as a table: each instalment, when it is due and how much."),
        new("cancellation_terms", "The cancellation terms written on the contract."),
        new("studio.name", "The studio's name."),
        new("today", "The date the contract is sent."),
    ];

    private static readonly HashSet<string> Known = [.. Fields.Select(f => f.Name)];

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Field errors for <paramref name="field"/>: each unknown merge field named, and an unclosed "{{".</summary>
    public static void Check(string? body, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return;
        }
        var unknown = Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(name => !Known.Contains(name)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(field, $"Unknown merge field{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))}. "
                + $"Use one of: {string.Join(", ", Fields.Select(f => "{{" + f.Name + "}}"))}.");
        }
        else if (Placeholder().Replace(body, "").Contains("{{", StringComparison.Ordinal))
        {
            errors.Add(field, "A merge field is not closed: write it as {{name}}.");
        }
    }

    /// <summary>The body with every merge field filled: the text that is frozen into a version.</summary>
    public static string Fill(string body, MergeValues values)
    {
        var lines = new StringBuilder();
        foreach (var line in body.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Trim() == "{{payment_plan}}" || line.Trim() == "{{ payment_plan }}")
            {
                lines.Append(PlanTable(values)).Append('\n');
                continue;
            }
            lines.Append(Placeholder().Replace(line, m => Value(m.Groups[1].Value, values))).Append('\n');
        }
        return lines.ToString().TrimEnd('\n');
    }

    private static string PlanTable(MergeValues values)
    {
        var rows = new List<string> { "| Instalment | Due on | Amount" };
        rows.AddRange(values.PaymentPlan.OrderBy(i => i.DueOn).Select(i => $"| {Cell(i.Label)} | {IndianFormat.Date(i.DueOn)} | {IndianFormat.Rupees(i.AmountPaise)}"));
        if (values.PaymentPlan.Count == 0)
        {
            rows.Add($"| The whole fee | As agreed | {IndianFormat.Rupees(values.FeePaise)}");
        }
        return string.Join('\n', rows);
    }

    private static string Cell(string text) => text.Replace('|', '/');

    private static string Value(string name, MergeValues v) => name switch
    {
        "couple.names" => v.CoupleNames,
        "contact.name" => v.ContactName,
        "dates" => v.Dates,
        "events" => v.Events,
        "city" => v.City,
        "venues" => v.Venues,
        "fee" => IndianFormat.Rupees(v.FeePaise),
        "fee.words" => IndianFormat.RupeesInWords(v.FeePaise),
        "payment_plan" => string.Join("; ", v.PaymentPlan.OrderBy(i => i.DueOn).Select(i => $"{i.Label}: {IndianFormat.Rupees(i.AmountPaise)} by {IndianFormat.Date(i.DueOn)}")),
        "cancellation_terms" => v.CancellationTerms,
        "studio.name" => v.StudioName,
        "today" => IndianFormat.Date(v.Today),
        _ => "{{" + name + "}}",
    };

    /// <summary>The blocks of a filled text, for the PDF and the signing page.</summary>
    public static IReadOnlyList<ContractBlock> Blocks(string text)
    {
        var blocks = new List<ContractBlock>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new ContractBlock(ContractBlockKind.Paragraph, string.Join(' ', paragraph), []));
                paragraph.Clear();
            }
        }
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new ContractBlock(ContractBlockKind.Subheading, line[3..].Trim(), []));
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new ContractBlock(ContractBlockKind.Heading, line[2..].Trim(), []));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new ContractBlock(ContractBlockKind.Bullet, line[2..].Trim(), []));
            }
            else if (line.StartsWith('|'))
            {
                Flush();
                var cells = line.TrimStart('|').Split('|').Select(c => c.Trim()).ToList();
                blocks.Add(new ContractBlock(ContractBlockKind.TableRow, string.Join(" · ", cells), cells));
            }
            else
            {
                paragraph.Add(line);
            }
        }
        Flush();
        return blocks;
    }

    /// <summary>The text a person reads: headings, paragraphs and bullets as lines (the plan's rows joined).</summary>
    public static string Plain(string text) => string.Join("\n\n", Blocks(text).Select(b => b.Kind == ContractBlockKind.Bullet ? "• " + b.Text : b.Text));
}
