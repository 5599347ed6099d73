using System.Text.RegularExpressions;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>A template's wording, from the studio or built in.</summary>
public sealed record TemplateText(string Key, MessageChannel Channel, string Language, string? Subject, string Body,
    string? ProviderTemplate, IReadOnlyList<string> ProviderParameters, bool BuiltIn, long Version)
{
    public IReadOnlyList<string> Variables => TemplateRenderer.VariablesOf(Subject).Concat(TemplateRenderer.VariablesOf(Body))
        .Concat(ProviderParameters).Distinct(StringComparer.Ordinal).ToList();

    public MessageTemplateResponse ToResponse() => new(Key, Channel, Language, Subject, Body, ProviderTemplate, ProviderParameters, Variables, BuiltIn, Version);
}

public sealed record RenderedMessage(string? Subject, string Body, IReadOnlyList<string> ProviderParameters);

/// <summary>Fills {{variable}} placeholders. Every placeholder must be given; values are plain text.</summary>
public static partial class TemplateRenderer
{
    public const int MaxValueLength = 500;

    [GeneratedRegex(@"\{\{\s*([a-z][a-zA-Z0-9_]{0,39})\s*\}\}")]
    private static partial Regex Placeholder();

    public static IEnumerable<string> VariablesOf(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    public static RenderedMessage Render(TemplateText template, IReadOnlyDictionary<string, string>? variables)
    {
        variables ??= new Dictionary<string, string>();
        var errors = new FieldErrors();
        var missing = template.Variables.Where(v => !variables.ContainsKey(v) || string.IsNullOrWhiteSpace(variables[v])).ToList();
        if (missing.Count > 0)
        {
            errors.Add("variables", $"Give a value for: {string.Join(", ", missing)}.");
        }
        foreach (var (name, value) in variables)
        {
            if (value.Length > MaxValueLength || !PlainTextConverter.IsPlain(value))
            {
                errors.Add($"variables.{name}", $"Use at most {MaxValueLength} characters of plain text.");
            }
        }
        errors.ThrowIfAny();
        string Fill(string text) => Placeholder().Replace(text, m => variables[m.Groups[1].Value].Trim());
        return new RenderedMessage(template.Subject is null ? null : Fill(template.Subject), Fill(template.Body),
            template.ProviderParameters.Select(p => variables[p].Trim()).ToList());
    }

    /// <summary>The templates every studio starts with, in English and Hindi; a studio may reword any of them.</summary>
    public static readonly IReadOnlyList<TemplateText> BuiltIn = BuildBuiltIns();

    private static List<TemplateText> BuildBuiltIns()
    {
        var list = new List<TemplateText>();
        void Add(string key, string language, string subject, string body, string whatsAppTemplate, params string[] whatsAppParameters)
        {
            foreach (var channel in Enum.GetValues<MessageChannel>())
            {
                var withSubject = channel is MessageChannel.Email or MessageChannel.Push or MessageChannel.InApp;
                list.Add(new TemplateText(key, channel, language, withSubject ? subject : null, body,
                    channel == MessageChannel.WhatsApp ? whatsAppTemplate : null,
                    channel == MessageChannel.WhatsApp ? whatsAppParameters : [], BuiltIn: true, Version: 0));
            }
        }
        Add("event-reminder", "en", "Reminder: {{eventName}} on {{eventDate}}",
            "Namaste {{guestName}}, a reminder that {{eventName}} is on {{eventDate}} at {{venue}}. We look forward to seeing you! — {{studioName}}",
            "event_reminder", "guestName", "eventName", "eventDate", "venue");
        Add("event-reminder", "hi", "याद दिलाना: {{eventDate}} को {{eventName}}",
            "नमस्ते {{guestName}}, याद दिला दें कि {{eventName}} {{eventDate}} को {{venue}} में है। आपकी प्रतीक्षा रहेगी! — {{studioName}}",
            "event_reminder", "guestName", "eventName", "eventDate", "venue");
        Add("rsvp-request", "en", "Will you join us for {{coupleNames}}'s wedding?",
            "Namaste {{guestName}}, {{coupleNames}} would love to have you at their wedding. Please let us know if you can come: {{rsvpLink}} — {{studioName}}",
            "rsvp_request", "guestName", "coupleNames", "rsvpLink");
        Add("rsvp-request", "hi", "क्या आप {{coupleNames}} की शादी में आएँगे?",
            "नमस्ते {{guestName}}, {{coupleNames}} आपको अपनी शादी में देखना चाहेंगे। कृपया बताएँ कि आप आ पाएँगे या नहीं: {{rsvpLink}} — {{studioName}}",
            "rsvp_request", "guestName", "coupleNames", "rsvpLink");
        Add("rsvp-reminder", "en", "Can you come to {{coupleNames}}'s wedding?",
            "Namaste {{guestName}}, we have not heard yet whether you can come to {{coupleNames}}'s wedding. Please answer {{answerBy}}: {{rsvpLink}} — {{studioName}}",
            "rsvp_reminder", "guestName", "coupleNames", "answerBy", "rsvpLink");
        Add("rsvp-reminder", "hi", "क्या आप {{coupleNames}} की शादी में आ पाएँगे?",
            "नमस्ते {{guestName}}, हमें अभी तक पता नहीं चला है कि आप {{coupleNames}} की शादी में आ पाएँगे या नहीं। कृपया {{answerBy}} बताएँ: {{rsvpLink}} — {{studioName}}",
            "rsvp_reminder", "guestName", "coupleNames", "answerBy", "rsvpLink");
        Add("announcement", "en", "{{title}}", "{{text}} — {{studioName}}", "announcement", "title", "text");
        Add("announcement", "hi", "{{title}}", "{{text}} — {{studioName}}", "announcement", "title", "text");
        // A planner's own words to one person (the couple, the team), written in the app. WhatsApp sends the studio's
        // Meta-approved "note" template with the subject and text as its {{1}} and {{2}}.
        Add("note", "en", "{{subject}}", "{{text}}\n\n— {{studioName}}", "note", "subject", "text");
        Add("note", "hi", "{{subject}}", "{{text}}\n\n— {{studioName}}", "note", "subject", "text");
        // Pickups: each household its own (the details say when, where, the vehicle and its driver), and a driver the day's trips.
        Add("pickup", "en", "Your pickup for {{coupleNames}}'s wedding", "Namaste {{guestName}}, {{details}} — {{studioName}}", "pickup", "guestName", "details");
        Add("pickup", "hi", "{{coupleNames}} की शादी के लिए आपका पिकअप", "नमस्ते {{guestName}}, {{details}} — {{studioName}}", "pickup", "guestName", "details");
        Add("pickup-changed", "en", "Your pickup has changed", "Namaste {{guestName}}, your pickup has changed. Now {{details}} — {{studioName}}",
            "pickup_changed", "guestName", "details");
        Add("pickup-changed", "hi", "आपका पिकअप बदल गया है", "नमस्ते {{guestName}}, आपका पिकअप बदल गया है। अब {{details}} — {{studioName}}",
            "pickup_changed", "guestName", "details");
        Add("pickup-cancelled", "en", "Your pickup is cancelled",
            "Namaste {{guestName}}, this is cancelled: {{details}} We will send you the new arrangement. — {{studioName}}", "pickup_cancelled", "guestName", "details");
        Add("pickup-cancelled", "hi", "आपका पिकअप रद्द हो गया है",
            "नमस्ते {{guestName}}, यह रद्द हो गया है: {{details}} नई व्यवस्था हम आपको भेजेंगे। — {{studioName}}", "pickup_cancelled", "guestName", "details");
        Add("driver-manifest", "en", "Your trips on {{day}}", "{{driverName}}, your trips for {{coupleNames}}'s wedding on {{day}}: {{trips}} — {{studioName}}",
            "driver_manifest", "driverName", "day", "trips");
        Add("driver-manifest", "hi", "{{day}} की आपकी ट्रिप", "{{driverName}} जी, {{coupleNames}} की शादी के लिए {{day}} की आपकी ट्रिप: {{trips}} — {{studioName}}",
            "driver_manifest", "driverName", "day", "trips");
        // A vendor's own day: their arrival and run-of-show items, to confirm or answer with another time.
        Add("vendor-day", "en", "Your schedule for {{eventName}}",
            "Namaste {{contactName}}, your schedule for {{coupleNames}}'s {{eventName}} on {{eventDate}}: {{arrival}}. Please confirm, or suggest another time: {{dayLink}} — {{studioName}}",
            "vendor_day", "contactName", "eventName", "eventDate", "arrival", "dayLink");
        Add("vendor-day", "hi", "{{eventName}} के लिए आपका कार्यक्रम",
            "नमस्ते {{contactName}}, {{coupleNames}} के {{eventName}} ({{eventDate}}) के लिए आपका कार्यक्रम: {{arrival}}। कृपया पुष्टि करें या दूसरा समय बताएँ: {{dayLink}} — {{studioName}}",
            "vendor_day", "contactName", "eventName", "eventDate", "arrival", "dayLink");
        // The automatic answer to an inquiry from the studio's form, on the channel the couple gave.
        Add("inquiry-reply", "en", "Thank you for writing to {{studioName}}",
            "Namaste {{contactName}}, thank you for telling us about {{coupleNames}}'s wedding. We have your inquiry and will be in touch within a day. — {{studioName}}",
            "inquiry_reply", "contactName", "coupleNames");
        Add("inquiry-reply", "hi", "{{studioName}} को लिखने के लिए धन्यवाद",
            "नमस्ते {{contactName}}, {{coupleNames}} की शादी के बारे में बताने के लिए धन्यवाद। आपकी पूछताछ हमें मिल गई है; हम एक दिन के भीतर संपर्क करेंगे। — {{studioName}}",
            "inquiry_reply", "contactName", "coupleNames");
        // To people who sign in (the studio's staff, the couple), in the app, by push and by e-mail.
        void AddToUsers(string key, string subject, string body)
        {
            foreach (var channel in (MessageChannel[])[MessageChannel.InApp, MessageChannel.Push, MessageChannel.Email])
            {
                list.Add(new TemplateText(key, channel, "en", subject, body, null, [], true, 0));
            }
        }
        // Proposals: to a lead's contact, with the link to the proposal; to the planner following the lead, what the couple answered.
        Add("proposal-sent", "en", "Your proposal: {{title}}",
            "Namaste {{contactName}}, here is our proposal “{{title}}” ({{total}}, valid until {{validUntil}}). See it, choose the options and accept it here: {{proposalLink}} — {{studioName}}",
            "proposal_sent", "contactName", "title", "total", "validUntil", "proposalLink");
        Add("proposal-sent", "hi", "आपका प्रस्ताव: {{title}}",
            "नमस्ते {{contactName}}, हमारा प्रस्ताव “{{title}}” ({{total}}, {{validUntil}} तक मान्य) यहाँ देखें, विकल्प चुनें और स्वीकार करें: {{proposalLink}} — {{studioName}}",
            "proposal_sent", "contactName", "title", "total", "validUntil", "proposalLink");
        AddToUsers("proposal-accepted", "{{leadNames}} accepted “{{title}}”", "{{details}}");
        AddToUsers("proposal-changes-asked", "{{leadNames}} ask for changes to “{{title}}”", "{{details}}");
        AddToUsers("vendor-bank-changed", "Where {{vendorName}} is paid has changed",
            "{{changedBy}} changed the bank details of {{vendorName}}: {{details}}. A changed account is how payment fraud starts: before the next payment, confirm it with the vendor on a number you already had.");
        AddToUsers("lead-new", "New inquiry: {{leadNames}}",
            "{{leadNames}} wrote through your inquiry form ({{details}}). It is in {{stageName}} on the leads board.");
        AddToUsers("lead-follow-up", "Follow up with {{leadNames}} {{due}}",
            "A follow-up with {{leadNames}} is due {{due}}: {{text}}");
        AddToUsers("vendor-payment-due", "{{amount}} to {{vendorName}} due {{due}}",
            "{{weddingTitle}}: the {{label}} of {{amount}} to {{vendorName}} ({{service}}) is due {{due}}.");
        AddToUsers("couple-payment-due", "{{amount}} for your wedding is due {{due}}",
            "{{weddingTitle}}: the {{label}} of {{amount}} to {{studioName}} is due {{due}}. You can pay it online and see your invoices and receipts in your wedding's billing.");
        AddToUsers("couple-payment-received", "Payment received: {{amount}}",
            "Thank you: {{studioName}} received {{amount}} for {{weddingTitle}} on {{paidOn}}. Your receipt {{receiptNumber}} is in your wedding's billing.");
        // Tasks: reminders to the people a task is assigned to, and a mention in a comment.
        AddToUsers("task-due", "Due {{due}}: {{taskTitle}}", "{{weddingTitle}}: “{{taskTitle}}” is due {{due}}.");
        AddToUsers("task-overdue", "Overdue: {{taskTitle}}", "{{weddingTitle}}: “{{taskTitle}}” was due {{due}} and is not done yet.");
        AddToUsers("task-mention", "{{author}} mentioned you on “{{taskTitle}}”", "{{weddingTitle}}: {{author}} wrote on “{{taskTitle}}”: {{text}}");
        // An automation's notice to a member of the studio: its subject and text were filled from the rule's merge fields.
        AddToUsers("automation", "{{subject}}", "{{text}}");
        // Told in the app only: the file is there to download.
        list.Add(new TemplateText("report-ready", MessageChannel.InApp, "en", "Your report is ready", "{{reportName}} is ready to download under Reports.", null, [], true, 0));
        list.Add(new TemplateText("report-ready", MessageChannel.InApp, "hi", "आपकी रिपोर्ट तैयार है", "{{reportName}} रिपोर्ट्स में डाउनलोड के लिए तैयार है।", null, [], true, 0));
        list.Add(new TemplateText("report-failed", MessageChannel.InApp, "en", "Your report could not be made", "{{reportName}} could not be made. Ask for it again.", null, [], true, 0));
        list.Add(new TemplateText("report-failed", MessageChannel.InApp, "hi", "आपकी रिपोर्ट नहीं बन सकी", "{{reportName}} नहीं बन सकी। कृपया दोबारा माँगें।", null, [], true, 0));
        // Contracts: the couple's signing link, the one-time code that proves it is them, and the studio told to countersign.
        Add("contract-sign", "en", "Your contract from {{studioName}}: please read and sign",
            "Namaste, {{studioName}} has sent the contract for {{coupleNames}}: {{contractTitle}}. Read it and sign it here: {{signLink}}",
            "contract_sign", "coupleNames", "contractTitle", "signLink");
        Add("contract-code", "en", "Your code to sign the contract",
            "{{code}} is your code to sign {{contractTitle}} with {{studioName}}. It works for 10 minutes. Do not share it with anyone.",
            "contract_code", "code");
        AddToUsers("contract-signed", "{{coupleNames}} signed the contract",
            "{{coupleNames}} signed \"{{contractTitle}}\". Countersign it for the studio to complete it.");
        return list;
    }
}
