namespace WedTech.Server.Payments.Razorpay;

/// <summary>
/// <c>Payments:Razorpay</c>: where Razorpay's API is and how long a call may take. There is no key here: each studio
/// brings its own Razorpay account (<see cref="RazorpayAccount"/>).
/// </summary>
public sealed class RazorpayOptions
{
    public const string Section = "Payments:Razorpay";

    /// <summary>Razorpay's API, without the <c>/v1</c> (the tests point it at a local stand-in).</summary>
    public string BaseUrl { get; set; } = "https://api.razorpay.com";

    /// <summary>How long one call may take, answer read included, before it counts as Razorpay not answering.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
