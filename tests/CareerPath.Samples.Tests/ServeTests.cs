using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CareerPath.Samples.Tests;

/// <summary><c>careerpath serve</c>'s JSON API, called over HTTP as a school system would (docs/http-api.md).</summary>
public sealed class ServeTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string GoodStudent = """
        { "id": "2024-cnt-0012", "major": "computer-network-technology", "pathway": "2+3+2",
          "stage": "secondary-vocational", "year": 1, "skills": { "network-fundamentals": 2 } }
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadBodies =>
    [
        "null",
        "[]",
        "\"a student\"",
        "{",
        "{\"id\": \"x\"} trailing",
        "id: yaml-is-not-json",
        new string('[', 5000) + new string(']', 5000),
        """{ "id": null, "major": 5, "pathway": [], "stage": {}, "year": "3", "gpa": "x", "graduation": 3 }""",
        """{ "id": "x", "major": "computer-network-technology", "pathway": "3+2", "stage": "secondary-vocational", "year": 99999999999999999999 }""",
        """{ "id": "x", "major": "computer-network-technology", "pathway": "3+2", "stage": "graduated", "graduation": { "monthsSince": -1, "position": "nope" } }""",
        """{ "id": "x", "id": "y" }""",
        "{\"id\": \"\\u0000\"}",
        "{\"id\": \"x\", \"name\": \"\\u0007\"}",
        "{\"id\": \"" + new string('x', 20_000) + "\"}",
        "{\"id\": \"x\", \"skills\": {" + string.Join(", ", Enumerable.Range(0, 600).Select(i => $"\"s{i}\": 1")) + "}}",
    ];

    [Fact]
    public async Task A_good_student_gets_200_and_a_plan_with_the_five_phases()
    {
        using var response = await Post("/api/plan", GoodStudent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var phases = plan.RootElement.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(
            ["professional-cognition", "position-segmentation", "dedicated-study", "precise-employment", "career-rooting"],
            phases.Select(p => p.GetProperty("id").GetString()));
        Assert.Single(phases, p => p.GetProperty("status").GetString() == "current");
        Assert.Equal("2024-cnt-0012", plan.RootElement.GetProperty("studentId").GetString());
    }

    [Fact]
    public async Task The_plan_comes_in_the_language_asked_for()
    {
        using var response = await Post("/api/plan?lang=zh-CN", GoodStudent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("zh-CN", plan.RootElement.GetProperty("language").GetString());
        Assert.Equal("专业认知", plan.RootElement.GetProperty("phases")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_bad_field_gets_a_400_problem_naming_the_field_and_where_it_is()
    {
        var student = GoodStudent.Replace("\"year\": 1", "\"year\": 9", StringComparison.Ordinal);

        var errors = await Refused("/api/plan", student, HttpStatusCode.BadRequest);

        var year = Assert.Single(errors);
        Assert.Equal("year", year.GetProperty("field").GetString());
        Assert.Equal(2, year.GetProperty("line").GetInt32());
        Assert.Contains("from 1 to 2", year.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_mistake_in_a_record_is_listed_at_once()
    {
        var student = GoodStudent.Replace("\"year\": 1", "\"year\": 9", StringComparison.Ordinal).Replace("network-fundamentals", "network-fundamental", StringComparison.Ordinal);

        var errors = await Refused("/api/plan", student, HttpStatusCode.BadRequest);

        Assert.Equal(["year", "skills.network-fundamental"], errors.Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_a_400_with_the_place_of_the_mistake()
    {
        var errors = await Refused("/api/plan", "{\n  \"id\": \"x\",\n  major: 1\n}", HttpStatusCode.BadRequest);

        var error = Assert.Single(errors);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("field").ValueKind);
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.StartsWith("the body is not valid JSON", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_gets_a_400_naming_lang()
    {
        var errors = await Refused("/api/plan?lang=fr", GoodStudent, HttpStatusCode.BadRequest);

        var error = Assert.Single(errors);
        Assert.Equal("lang", error.GetProperty("field").GetString());
        Assert.Contains("en or zh-CN", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413()
    {
        var huge = $"{{ \"id\": \"{new string('x', 200_000)}\" }}";

        await Refused("/api/plan", huge, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KB_is_refused_with_413_too()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{ \"id\": \"{new string('x', 200_000)}\" }}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plan") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_gets_a_400_problem_never_a_500(string body)
    {
        using var response = await Post("/api/plan", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}\n{app.Log}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(text);
        Assert.NotEmpty(problem.RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task The_sample_students_are_listed_with_labels_and_no_names()
    {
        var text = await app.Client.GetStringAsync(new Uri("/api/students", UriKind.Relative), Cancel);

        using var list = JsonDocument.Parse(text);
        var samples = list.RootElement.EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(AppProcess.RepoRoot, "samples", "students")).Length, samples.Count);
        var sample = samples.Single(s => s.GetProperty("id").GetString() == "bda-232-secondary-y2");
        Assert.Equal("Big Data Accounting · 2+3+2 · Secondary vocational, year 2", sample.GetProperty("label").GetProperty("en").GetString());
        Assert.DoesNotContain(PropertyNames(list.RootElement), name => name == "name");
        Assert.DoesNotContain("周欣怡", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_record_comes_without_its_name_and_plans_as_it_is()
    {
        var record = await app.Client.GetStringAsync(new Uri("/api/students/bda-232-secondary-y2", UriKind.Relative), Cancel);

        using (var json = JsonDocument.Parse(record))
        {
            Assert.DoesNotContain(PropertyNames(json.RootElement), name => name == "name");
            Assert.Equal("2024-bda-0098", json.RootElement.GetProperty("id").GetString());
        }

        Assert.DoesNotContain("周欣怡", record, StringComparison.Ordinal);
        using var response = await Post("/api/plan", record);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_sample_gets_a_404_problem()
    {
        using var response = await app.Client.GetAsync(new Uri("/api/students/nobody", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_catalogue_offers_each_majors_pathways_with_their_stages_and_years()
    {
        using var catalogue = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri("/api/catalogue", UriKind.Relative), Cancel));
        var root = catalogue.RootElement;

        var majors = root.GetProperty("majors").EnumerateArray().ToList();
        Assert.Equal(6, majors.Count);
        var network = majors.Single(m => m.GetProperty("id").GetString() == "computer-network-technology");
        Assert.Equal("计算机网络技术", network.GetProperty("name").GetProperty("zh-CN").GetString());
        Assert.Contains("network-configuration", network.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("network-operations-engineer", network.GetProperty("positions").EnumerateArray().Select(s => s.GetString()));
        var pathway = root.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "2+3+2");
        Assert.Equal(
            [("secondary-vocational", 2), ("higher-vocational", 3), ("undergraduate", 2)],
            pathway.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("years").GetInt32())));
        Assert.Equal(["en", "zh-CN"], root.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["employment", "further-study", "undecided"], root.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Serving_another_pack_plans_with_it_and_offers_its_catalogue_and_the_samples_that_fit()
    {
        await using var other = new ServedApp("--rules", "tests/CareerPath.Tests/Packs/mini.yaml", "--students", "tests/CareerPath.Tests/Students");
        await other.InitializeAsync();

        using var catalogue = JsonDocument.Parse(await other.Client.GetStringAsync(new Uri("/api/catalogue", UriKind.Relative), Cancel));
        Assert.Equal("mini", catalogue.RootElement.GetProperty("pack").GetProperty("name").GetString());
        Assert.Equal(["m1"], catalogue.RootElement.GetProperty("majors").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        using var samples = JsonDocument.Parse(await other.Client.GetStringAsync(new Uri("/api/students", UriKind.Relative), Cancel));
        Assert.Equal(["good", "good.yaml"], samples.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Contains("bad.yaml", other.Log, StringComparison.Ordinal);
        var record = await other.Client.GetStringAsync(new Uri("/api/students/good.yaml", UriKind.Relative), Cancel);
        Assert.DoesNotContain("张伟", record, StringComparison.Ordinal);
        using var content = new StringContent(record, Encoding.UTF8, "application/json");
        using var response = await other.Client.PostAsync(new Uri("/api/plan", UriKind.Relative), content, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("mini", plan.RootElement.GetProperty("pack").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_page_is_one_self_contained_document_that_allows_only_its_own_script()
    {
        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("innerHTML", html, StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_with_a_broken_rule_pack_exits_2_without_serving()
    {
        var (exitCode, output, error) = AppProcess.Run("serve", "--port", "0", "--rules", "tests/CareerPath.Tests/Packs/three-mistakes.yaml");

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("serving", output, StringComparison.Ordinal);
        Assert.Contains("The rule pack was not loaded", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_on_a_port_in_use_exits_2_and_says_to_choose_another()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

            var (exitCode, _, error) = AppProcess.Run("serve", "--port", port);

            Assert.Equal(2, exitCode);
            Assert.StartsWith($"careerpath: cannot serve on 127.0.0.1:{port}", error, StringComparison.Ordinal);
            Assert.Contains("choose another --port", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Ctrl_C_stops_the_server_with_exit_code_0()
    {
        using var process = Process.Start(AppProcess.StartInfo("serve", "--port", "0"))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(Cancel);
            Assert.Contains("http://127.0.0.1:", line, StringComparison.Ordinal);

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(Cancel);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private async Task<HttpResponseMessage> Post(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await app.Client.PostAsync(new Uri(path, UriKind.Relative), content, Cancel);
    }

    private async Task<List<JsonElement>> Refused(string path, string body, HttpStatusCode status)
    {
        using var response = await Post(path, body);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        return [.. problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.Clone())];
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
