// Guest list benchmark helper (bench/guests.sh runs it; see bench/README.md, "The guest list").
//   workbook OUT.xlsx ROWS                              a guest list workbook as a family sends it, ROWS guests
//   render STUDIO_URL WEDDING_ID HOUSEHOLDS RUNS OUT.csv   the app's guest list page in Chromium, signed in with the
//                                                       access token in WEDTECH_BENCH_TOKEN (the session cookie the
//                                                       sign-in form sets); CHROME_PATH (default /usr/bin/chromium)
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using MiniExcelLibs;

var invariant = CultureInfo.InvariantCulture;
switch (args)
{
    case ["workbook", var path, var rows]:
        WriteWorkbook(path, int.Parse(rows, invariant));
        return 0;
    case ["render", var studio, var wedding, var households, var runs, var csv]:
        return await RenderAsync(new Uri(studio), wedding, int.Parse(households, invariant), int.Parse(runs, invariant), csv);
    default:
        Console.Error.WriteLine("usage: workbook OUT.xlsx ROWS | render STUDIO_URL WEDDING_ID HOUSEHOLDS RUNS OUT.csv");
        return 1;
}

// Two tabs (the bride's and the groom's side), a row per guest, families of 1 to 6 sharing a family name and a phone
// typed as a number, as Excel stores a phone in a General cell; a third of the rows with an e-mail.
static void WriteWorkbook(string path, int rows)
{
    string[] first = ["Aarav", "Vivaan", "Ishaan", "Ananya", "Diya", "Saanvi", "Rohan", "Kavya", "Arjun", "Meera", "प्रिया", "राहुल", "सुनीता", "Chris", "Fatima"];
    string[] last = ["Sharma", "Verma", "Mehta", "Iyer", "Reddy", "Khan", "Gill", "D'Souza", "Banerjee", "शर्मा", "Nair", "Kapoor"];
    string[] diets = ["Veg", "Jain", "Non-veg", "Eggetarian", "Vegan", ""];
    string[] cities = ["Jaipur", "Delhi", "Mumbai", "Pune", "Chennai"];
    int[] sizes = [1, 2, 3, 4, 5, 6, 4, 3, 2, 3];
    var sides = new Dictionary<string, object> { ["Bride side"] = new List<Dictionary<string, object>>(), ["Groom side"] = new List<Dictionary<string, object>>() };
    var (row, family) = (0, 0);
    while (row < rows)
    {
        var size = Math.Min(sizes[family % sizes.Length], rows - row);
        var surname = last[family % last.Length];
        var sheet = (List<Dictionary<string, object>>)sides[family % 2 == 0 ? "Bride side" : "Groom side"];
        for (var member = 0; member < size; member++, row++)
        {
            sheet.Add(new Dictionary<string, object>
            {
                ["Name"] = $"{first[(family + member) % first.Length]} {surname} {family + 1}",
                ["Phone"] = 9_800_000_000L + family,
                ["Email"] = family % 3 == 0 && member == 0 ? $"family{family + 1}@example.com" : "",
                ["City"] = cities[family % cities.Length],
                ["Family"] = $"{surname} family {family + 1}",
                ["Diet"] = diets[(family + member) % diets.Length],
                ["Age group"] = member == 3 ? "Child" : "Adult",
            });
        }
        family++;
    }
    File.Delete(path);
    MiniExcel.SaveAs(path, sides);
}

// Each run: a fresh browser profile opens the guest list; the time from the last page of households arriving (the
// Resource Timing responseEnd of the latest .../households?page= request) to the list shown (the count line naming
// every household and the first row in the document, checked on every animation frame). Then, in the same page, the
// search box gets "sharma" in one input event and the time to the count line showing the matches is taken (it includes
// the box's 150 ms debounce).
static async Task<int> RenderAsync(Uri studio, string wedding, int households, int runs, string csv)
{
    var token = Environment.GetEnvironmentVariable("WEDTECH_BENCH_TOKEN") ?? throw new InvalidOperationException("WEDTECH_BENCH_TOKEN is not set");
    Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROME_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    var lines = new StringBuilder("run,pages,first_request_ms,last_response_end_ms,rendered_ms,render_after_data_ms,search_ms,search_matches\n");
    for (var run = 1; run <= runs; run++)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "en-IN",
        });
        await context.AddCookiesAsync([new Cookie { Name = "wedtech_session", Value = token, Url = studio.GetLeftPart(UriPartial.Authority) }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(studio, $"/app/weddings/{wedding}/guests").ToString());
        var rendered = await page.WaitForFunctionAsync(
            """
            expected => {
              const count = document.querySelector('[data-test=guest-count]');
              if (!count || !document.querySelector('[data-test=household-row]')) return false;
              const shown = Number((count.textContent.match(/[\d,]+/) || ['0'])[0].replace(/,/g, ''));
              return shown === expected ? performance.now() : false;
            }
            """, households, new PageWaitForFunctionOptions { PollingInterval = null, Timeout = 180_000 });
        var renderedAt = await rendered.JsonValueAsync<double>();
        var timing = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const pages = performance.getEntriesByType('resource').filter(e => /\/households\?/.test(e.name) && /page=/.test(e.name));
              return { pages: pages.length, first: Math.min(...pages.map(e => e.startTime)), last: Math.max(...pages.map(e => e.responseEnd)) };
            }
            """);
        var (pages, firstRequest, lastResponse) = (timing.GetProperty("pages").GetInt32(), timing.GetProperty("first").GetDouble(), timing.GetProperty("last").GetDouble());
        if (pages == 0)
        {
            Console.Error.WriteLine("guest-bench: the page fetched no households pages (signed out, or the list came from elsewhere)");
            return 2;
        }

        var search = page.Locator("#guest-search");
        var started = await page.EvaluateAsync<double>("() => performance.now()");
        await search.FillAsync("sharma");
        var searched = await page.WaitForFunctionAsync(
            """
            all => {
              const count = document.querySelector('[data-test=guest-count]');
              return count && /\(of /.test(count.textContent) ? [performance.now(), count.textContent.trim()] : false;
            }
            """, households, new PageWaitForFunctionOptions { PollingInterval = null, Timeout = 60_000 });
        var found = await searched.JsonValueAsync<JsonElement>();
        var searchMs = found[0].GetDouble() - started;
        var matches = found[1].GetString()!.Split(' ')[0];
        lines.Append(CultureInfo.InvariantCulture, $"{run},{pages},{firstRequest:F1},{lastResponse:F1},{renderedAt:F1},{renderedAt - lastResponse:F1},{searchMs:F1},{matches}\n");
        Console.Error.WriteLine($"guest-bench: run {run}/{runs}: {pages} pages, rendered {renderedAt - lastResponse:F0} ms after the last one arrived; search {searchMs:F0} ms");
    }
    await File.WriteAllTextAsync(csv, lines.ToString());
    return 0;
}
