namespace WedTech.Server.Web;

/// <summary>
/// A server-rendered page whose HTML goes out compressed (brotli, else gzip) to a browser that takes it. Only for a page that
/// shows nothing a third party chooses beside a secret repeated from response to response (BREACH): the one secret such a
/// page may carry is its form's antiforgery token, which ASP.NET seals anew, with a fresh key and IV, for every response.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CompressedPageAttribute : Attribute;
