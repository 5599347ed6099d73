namespace WedTech.App.Platform;

/// <summary>The JSON shape of an RFC 9457 problem with the API's field errors.</summary>
internal sealed record ProblemDocument(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors);
