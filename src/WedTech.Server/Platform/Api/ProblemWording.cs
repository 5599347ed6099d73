using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace WedTech.Server.Platform.Api;

/// <summary>
/// Problems the framework writes by itself (an authorization refusal, an unknown address, a validation failure) carry
/// only the status's name ("Forbidden") or its stock sentence. Those get words for the person who meets them; problems
/// the modules word themselves pass unchanged.
/// </summary>
public static class ProblemWording
{
    private const string StockValidationTitle = "One or more validation errors occurred.";

    private static readonly Dictionary<int, (string Title, string Detail)> Plain = new()
    {
        [StatusCodes.Status400BadRequest] = ("Bad request", "The request could not be read. Check the address and what was sent."),
        [StatusCodes.Status401Unauthorized] = ("Sign in first", "Sign in to do this; if you were signed in, your session has ended."),
        [StatusCodes.Status403Forbidden] = ("Not allowed", "Your role in this studio does not allow this. Ask your studio's admin if you need it."),
        [StatusCodes.Status404NotFound] = ("Not found", "There is nothing at this address, or you may not see it."),
        [StatusCodes.Status405MethodNotAllowed] = ("Not possible here", "This address does not take this kind of request."),
        [StatusCodes.Status406NotAcceptable] = ("Cannot answer in that format", "Ask for application/json or leave the Accept header out."),
        [StatusCodes.Status409Conflict] = ("Conflict", "This clashes with what is already there. Reload and try again."),
        [StatusCodes.Status415UnsupportedMediaType] = ("Unsupported media type", "Send the body as application/json."),
    };

    public static void ForPeople(ProblemDetails problem)
    {
        if (problem.Title is StockValidationTitle)
        {
            problem.Title = ValidationMessages.Title;
        }
        if (problem.Status is not { } status || !Plain.TryGetValue(status, out var plain))
        {
            return;
        }
        var reason = ReasonPhrases.GetReasonPhrase(status);
        if (problem.Title is null || problem.Title == reason)
        {
            problem.Title = plain.Title;
        }
        if ((string.IsNullOrWhiteSpace(problem.Detail) || problem.Detail == reason) && problem is not HttpValidationProblemDetails)
        {
            problem.Detail = plain.Detail;
        }
    }
}
