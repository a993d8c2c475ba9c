using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace CareerPath.Samples.Tests;

/// <summary><c>careerpath serve</c>'s page in a real headless Chromium, used as a counselor would.</summary>
public sealed class ServePageTests(ServedApp app, HeadlessChromium chromium) : IClassFixture<ServedApp>, IClassFixture<HeadlessChromium>
{
    private const string Sample = "cnt-232-higher-y3";

    private ChromeDriver Browser => chromium.Driver;

    [Fact]
    public void Picking_a_sample_student_shows_the_five_phases_with_the_current_one_marked()
    {
        OpenPage();

        PickSample(Sample);

        var phases = Browser.FindElements(By.CssSelector("#plan section.phase"));
        Assert.Equal(
            ["professional-cognition", "position-segmentation", "dedicated-study", "precise-employment", "career-rooting"],
            phases.Select(p => p.GetAttribute("data-phase")));
        var current = Assert.Single(phases, p => p.GetAttribute("aria-current") == "step");
        Assert.Equal("dedicated-study", current.GetAttribute("data-phase"));
        Assert.StartsWith("3. Dedicated study", current.FindElement(By.CssSelector("h3 .title")).Text, StringComparison.Ordinal);
        Assert.Equal("current", current.FindElement(By.CssSelector("h3 .badge")).Text);
        Assert.Equal("higher-vocational", Browser.FindElement(By.CssSelector("ol.timeline li[aria-current='step']")).GetAttribute("data-stage"));
        Assert.StartsWith("Why: ", Browser.FindElement(By.CssSelector("li.step .why")).Text, StringComparison.Ordinal);
        Assert.Equal("Cloud operations engineer", Browser.FindElement(By.CssSelector(".positions .fit h4 span")).Text);
    }

    [Fact]
    public void Switching_to_Chinese_shows_the_plan_with_Chinese_phase_titles()
    {
        OpenPage();
        PickSample(Sample);

        Browser.FindElement(By.CssSelector("#languages button[data-lang='zh-CN']")).Click();

        Wait(() => Browser.FindElement(By.CssSelector("#plan")).GetAttribute("lang") == "zh-CN", "the plan to come back in Chinese");
        Assert.Equal(
            ["1. 专业认知", "2. 职业细分", "3. 专注学业", "4. 精准就业", "5. 扎根职业"],
            Browser.FindElements(By.CssSelector("#plan section.phase h3 .title")).Select(t => t.Text));
        Assert.Equal("打印", Browser.FindElement(By.Id("print")).Text);
        Assert.Equal("zh-CN", Browser.FindElement(By.TagName("html")).GetAttribute("lang"));
    }

    [Fact]
    public void Filling_the_form_gives_a_plan_in_English_and_in_Chinese_saved_as_screenshots()
    {
        OpenPage();
        Browser.FindElement(By.CssSelector("#form-details summary")).Click();

        Choose("f-major", "big-data-accounting");
        Choose("f-pathway", "2+3+2");
        Choose("f-stage", "higher-vocational");
        var year = Browser.FindElement(By.Id("f-year"));
        year.Clear();
        year.SendKeys("2");
        Choose("f-goal", "further-study");
        Browser.FindElement(By.Id("make-plan")).Click();

        Wait(() => Browser.FindElements(By.CssSelector("#plan section.phase")).Count == 5, "the plan of the filled form");
        Assert.Equal("higher-vocational", Browser.FindElement(By.CssSelector("ol.timeline li[aria-current='step']")).GetAttribute("data-stage"));
        Assert.NotEmpty(Browser.FindElements(By.CssSelector(".positions .fit")));
        Screenshot("form-plan-en.png");

        Browser.FindElement(By.CssSelector("#languages button[data-lang='zh-CN']")).Click();
        Wait(() => Browser.FindElement(By.CssSelector("#plan")).GetAttribute("lang") == "zh-CN", "the plan to come back in Chinese");
        Assert.Contains(Browser.FindElements(By.CssSelector("#plan section.phase h3 .title")), t => t.Text.Contains("专注学业", StringComparison.Ordinal));
        Screenshot("form-plan-zh-CN.png");
    }

    /// <summary>Saves what a person would see under the test output (bin/.../screenshots/).</summary>
    private void Screenshot(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        var path = Path.Combine(folder.FullName, name);
        Browser.GetScreenshot().SaveAsFile(path);
        Assert.True(new FileInfo(path).Length > 10_000, $"the screenshot {path} should show the page");
    }

    [Fact]
    public void A_bad_year_in_the_form_shows_each_problem_in_a_message_box()
    {
        OpenPage();
        Browser.FindElement(By.CssSelector("#form-details summary")).Click();

        Choose("f-major", "computer-network-technology");
        Choose("f-pathway", "3+2");
        Choose("f-stage", "secondary-vocational");
        var year = Browser.FindElement(By.Id("f-year"));
        year.Clear();
        year.SendKeys("7");
        Browser.FindElement(By.Id("make-plan")).Click();

        Wait(() => Browser.FindElement(By.Id("errors")).Displayed, "the message box");
        var problem = Assert.Single(Browser.FindElements(By.CssSelector("#errors-list li")));
        Assert.Equal("year", problem.GetAttribute("data-field"));
        Assert.Contains("year must be from 1 to 3", problem.Text, StringComparison.Ordinal);
        Assert.Empty(Browser.FindElements(By.CssSelector("#plan section.phase")));
    }

    [Fact]
    public void The_print_button_prints_the_plan_without_the_controls()
    {
        OpenPage();
        PickSample(Sample);
        var print = Browser.FindElement(By.Id("print"));
        Assert.True(print.Displayed);
        Assert.Equal("Print", print.Text);

        Browser.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        try
        {
            Assert.False(Browser.FindElement(By.Id("input")).Displayed);
            Assert.False(print.Displayed);
            Assert.True(Browser.FindElement(By.CssSelector("#plan section.phase")).Displayed);
        }
        finally
        {
            Browser.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = string.Empty });
        }
    }

    private void OpenPage()
    {
        Browser.Navigate().GoToUrl(app.Address);
        Wait(() => Browser.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true", "the page to load its catalogue and samples");
    }

    private void PickSample(string id)
    {
        Choose("sample", id);
        Wait(() => Browser.FindElements(By.CssSelector("#plan section.phase")).Count == 5, $"the plan of sample {id}");
    }

    private void Choose(string selectId, string value) =>
        Browser.FindElement(By.CssSelector($"#{selectId} option[value='{value}']")).Click();

    private void Wait(Func<bool> condition, string what)
    {
        var wait = new WebDriverWait(Browser, TimeSpan.FromSeconds(20));
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            wait.Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            var errors = Browser.FindElements(By.Id("errors")).FirstOrDefault()?.Text;
            Assert.Fail($"waited 20 s for {what}; the page's message box says: '{errors}'. Server log:\n{app.Log}");
        }
    }
}
