using MudBlazor;

namespace WedTech.App.Layout;

/// <summary>
/// Maroon and gold on warm ivory, with text colours that keep WCAG AA contrast on their backgrounds. Headings in a serif, the
/// rest in the system's sans; one type scale (a ratio of about 1.2 from a 16 px body); calm sentence-case buttons.
/// </summary>
public static class AppTheme
{
    private static readonly string[] Sans = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans Devanagari", "Noto Sans Tamil", "sans-serif"];

    private static readonly string[] Serif = ["Georgia", "Noto Serif", "Noto Serif Devanagari", "Noto Serif Tamil", "Times New Roman", "serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#7b1e3a",
            Secondary = "#8a5a00",
            Tertiary = "#00695c",
            AppbarBackground = "#7b1e3a",
            AppbarText = "#ffffff",
            Background = "#faf6f1",
            Surface = "#ffffff",
            DrawerBackground = "#fffdfa",
            DrawerText = "#3b2a30",
            LinesDefault = "#e7ddd5",
            TableLines = "#eee6df",
            TextPrimary = "#2b2024",
            Success = "#1b5e20",
            Error = "#b3261e",
            TextSecondary = "#5c5458",
            ActionDefault = "#5c5458",
            Warning = "#8a5a00",
            Info = "#1565c0",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Sans, FontSize = "1rem", LineHeight = "1.55" },
            H4 = new H4Typography { FontFamily = Serif, FontSize = "2rem", FontWeight = "600", LineHeight = "1.25", LetterSpacing = "0" },
            H5 = new H5Typography { FontFamily = Serif, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            H6 = new H6Typography { FontFamily = Sans, FontSize = "1.2rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            Subtitle1 = new Subtitle1Typography { FontFamily = Sans, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.45" },
            Subtitle2 = new Subtitle2Typography { FontFamily = Sans, FontSize = ".9375rem", FontWeight = "600", LineHeight = "1.45" },
            Body1 = new Body1Typography { FontFamily = Sans, FontSize = "1rem", LineHeight = "1.55" },
            Body2 = new Body2Typography { FontFamily = Sans, FontSize = ".9rem", LineHeight = "1.5" },
            Button = new ButtonTypography { FontFamily = Sans, FontSize = ".9375rem", FontWeight = "600", LineHeight = "1.6", LetterSpacing = ".01em", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Sans, FontSize = ".8rem", LineHeight = "1.45" },
        },
    };
}
