using System.Net;
using System.Text.RegularExpressions;

namespace WedTech.Tests.Infrastructure;

/// <summary>Server-rendered pages' forms, posted as a browser posts them.</summary>
public static partial class ServerForms
{
    /// <summary>Posts a form the way a browser does: with the page's anti-forgery token and cookie.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string url, string formName, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(browser, url), ["_handler"] = formName };
        return await browser.PostAsync(url, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Posts a multipart form (one with a file) the way a browser does; the anti-forgery token from <paramref name="tokenFrom"/>
    /// when the page itself shows no form.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitWithFileAsync(HttpClient browser, string url, string formName, Dictionary<string, string> fields,
        string fileField, byte[]? file, string fileName, string contentType, string? tokenFrom = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(browser, tokenFrom ?? url)), "__RequestVerificationToken" },
            { new StringContent(formName), "_handler" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            form.Add(part, fileField, fileName);
        }
        return await browser.PostAsync(url, form, TestContext.Current.CancellationToken);
    }

    /// <summary>The page's HTML, decoded, after checking the status.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {html}");
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<string> TokenAsync(HttpClient browser, string url)
    {
        var token = AntiforgeryField().Match(await browser.GetStringAsync(url, TestContext.Current.CancellationToken)).Groups[1].Value;
        return token.Length > 0 ? token : throw new Xunit.Sdk.XunitException($"No anti-forgery token on {url}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    public static partial Regex AntiforgeryField();
}
