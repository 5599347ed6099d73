namespace WedTech.Server.Web;

/// <summary>
/// A server-rendered page that runs the site's own script files (the contract signing page draws a signature on a canvas):
/// its content policy allows scripts from this origin, still no inline script.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PageScriptAttribute : Attribute;
