namespace WedTech.Server.Messaging.Outbox;

public sealed class MessagingOptions
{
    /// <summary>Paid messages a studio may send per day (in its time zone), by plan; SMS and WhatsApp.</summary>
    public Dictionary<TenantPlan, DailyQuota> Quotas { get; set; } = new()
    {
        [TenantPlan.Starter] = new() { Sms = 200, WhatsApp = 200 },
        [TenantPlan.Professional] = new() { Sms = 2_000, WhatsApp = 2_000 },
        [TenantPlan.Premium] = new() { Sms = 10_000, WhatsApp = 10_000 },
        [TenantPlan.Enterprise] = new() { Sms = 50_000, WhatsApp = 50_000 },
    };

    /// <summary>Send attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First wait before another attempt; doubles each time, unless the provider says how long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public DailyQuota QuotaFor(TenantPlan plan) => Quotas.TryGetValue(plan, out var quota) ? quota : new DailyQuota();

    public sealed class DailyQuota
    {
        public int Sms { get; set; }
        public int WhatsApp { get; set; }

        public int For(MessageChannel channel) => channel switch
        {
            MessageChannel.Sms => Sms,
            MessageChannel.WhatsApp => WhatsApp,
            _ => int.MaxValue,
        };
    }
}
