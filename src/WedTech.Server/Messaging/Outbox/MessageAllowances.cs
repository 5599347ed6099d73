using Microsoft.Extensions.Options;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>The paid messages a plan may send a day, as the outbox enforces them (<see cref="MessagingOptions.Quotas"/>).</summary>
internal sealed class MessageAllowances(IOptions<MessagingOptions> options) : IPlanAllowances
{
    public IEnumerable<string> Includes(TenantPlan plan)
    {
        var quota = options.Value.QuotaFor(plan);
        yield return quota.WhatsApp == quota.Sms
            ? $"{IndianFormat.Count(quota.WhatsApp)} WhatsApp messages and {IndianFormat.Count(quota.Sms)} SMS a day"
            : $"{IndianFormat.Count(quota.WhatsApp)} WhatsApp messages a day; {IndianFormat.Count(quota.Sms)} SMS";
        yield return "E-mail and app notifications without a daily limit";
    }
}
