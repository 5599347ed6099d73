namespace WedTech.App.Common;

/// <summary>
/// The API's problem with the last save as a form shows it, at its fields: until the next attempt to save. MudForm
/// counts a field shown in error as invalid, so an error kept after the field was corrected would hold the form back.
/// </summary>
internal sealed class LastSaveProblem
{
    private ApiProblemException? _given;

    public ApiProblemException? Shown { get; private set; }

    /// <summary>Shows the page's problem when it is a new one (a new answer from the API).</summary>
    public void Take(ApiProblemException? problem)
    {
        if (!ReferenceEquals(problem, _given))
        {
            _given = Shown = problem;
        }
    }

    public void Clear() => Shown = null;
}
