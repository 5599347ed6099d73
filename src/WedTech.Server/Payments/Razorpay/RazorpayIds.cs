using System.Text.RegularExpressions;

namespace WedTech.Server.Payments.Razorpay;

/// <summary>
/// The shape of Razorpay's ids: a prefix and letters and digits (pay_Qfldmt5StKZFCB). Only ids of this shape are put in
/// a URL path, so nothing a caller passes can change which path is called.
/// </summary>
public static partial class RazorpayIds
{
    public static bool IsLinkId(string? id) => id is not null && LinkId().IsMatch(id);

    public static bool IsPaymentId(string? id) => id is not null && PaymentId().IsMatch(id);

    public static bool IsRefundId(string? id) => id is not null && RefundId().IsMatch(id);

    [GeneratedRegex(@"^plink_[A-Za-z0-9]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LinkId();

    [GeneratedRegex(@"^pay_[A-Za-z0-9]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentId();

    [GeneratedRegex(@"^rfnd_[A-Za-z0-9]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RefundId();
}
