using OpenQA.Selenium.Chrome;

namespace CareerPath.Samples.Tests;

/// <summary>
/// A real headless Chromium driven by ChromeDriver, from Debian's <c>chromium</c> and
/// <c>chromium-driver</c> packages, for one test class. When they are missing the tests fail with
/// how to install them, in CI (which installs them in .ci/run) and on a developer's machine alike:
/// a page test that cannot run must not pass quietly.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    public HeadlessChromium()
    {
        var missing = new[] { BrowserPath, DriverPath }.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            var where = Environment.GetEnvironmentVariable("CI") == "true" ? "CI (.ci/run installs them; check its output)" : "this machine";
            throw new InvalidOperationException(
                $"The page tests need a real headless Chromium, and {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} missing on {where}. " +
                "Install them with: apt-get install -y chromium chromium-driver");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        // --no-sandbox: CI runs as root, where Chromium's sandbox will not start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=en-US");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public void Dispose() => Driver.Quit();
}
