using System.Net;
using System.Net.Http.Json;
using WedTech.Contracts;

namespace WedTech.App.Tests.Infrastructure;

/// <summary>
/// Stands in for the server behind the app's HttpClient: canned JSON answers by method and address,
/// in the API's JSON conventions. Anything not set up answers 404 with a problem document.
/// </summary>
internal sealed class FakeApi : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _answers = new(StringComparer.Ordinal);

    public List<HttpRequestMessage> Requests { get; } = [];

    /// <summary>The bodies of the requests that had one, as sent.</summary>
    public List<string> RequestBodies { get; } = [];

    /// <summary>Answers <paramref name="method"/> <paramref name="pathAndQuery"/> with 200 and the body as JSON.</summary>
    public void Returns<T>(string pathAndQuery, T body, string method = "GET") =>
        _answers[Key(method, pathAndQuery)] = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: ApiJson.Options) };

    /// <summary>Answers with a bare status, e.g. 401 for a session that has ended.</summary>
    public void Returns(string pathAndQuery, HttpStatusCode status, string method = "GET") =>
        _answers[Key(method, pathAndQuery)] = _ => new HttpResponseMessage(status);

    /// <summary>Answers with a status chosen per request, e.g. 401 the first time and 204 after that.</summary>
    public void Answers(string pathAndQuery, Func<HttpRequestMessage, HttpStatusCode> status, string method = "GET") =>
        _answers[Key(method, pathAndQuery)] = request => new HttpResponseMessage(status(request));

    /// <summary>No answer at all, as when the network is gone: the request fails as HttpClient's do.</summary>
    public void Unreachable(string pathAndQuery, string method = "GET") =>
        _answers[Key(method, pathAndQuery)] = _ => throw new HttpRequestException("The network is unreachable.");

    /// <summary>Answers with an RFC 9457 problem document carrying field errors.</summary>
    public void ReturnsProblem(string pathAndQuery, HttpStatusCode status, string title, IReadOnlyDictionary<string, string[]>? errors = null, string method = "GET",
        string? detail = null) =>
        _answers[Key(method, pathAndQuery)] = _ => new HttpResponseMessage(status)
        {
            Content = JsonContent.Create(new { title, status = (int)status, detail, errors }, options: ApiJson.Options),
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (request.Content is not null)
        {
            RequestBodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
        }
        var key = Key(request.Method.Method, request.RequestUri!.PathAndQuery);
        var response = _answers.TryGetValue(key, out var answer)
            ? answer(request)
            : new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = JsonContent.Create(new { title = "Not found", status = 404, detail = $"The fake API has no answer for {key}." }, options: ApiJson.Options),
            };
        return response;
    }

    private static string Key(string method, string pathAndQuery) => $"{method} {pathAndQuery}";
}
