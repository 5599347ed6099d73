using MudBlazor;

namespace WedTech.App.Layout;

/// <summary>Maroon and gold, with text colours that keep WCAG AA contrast on their backgrounds.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#7b1e3a",
            Secondary = "#8a5a00",
            Tertiary = "#00695c",
            AppbarBackground = "#7b1e3a",
            AppbarText = "#ffffff",
            Background = "#fbf8f5",
            DrawerBackground = "#ffffff",
            Success = "#1b5e20",
            Error = "#b3261e",
            TextSecondary = "#5c5458",
            ActionDefault = "#5c5458",
            Warning = "#8a5a00",
            Info = "#1565c0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans Devanagari", "Noto Sans Tamil", "sans-serif"] },
        },
    };
}
