using System.Globalization;
using System.Text.Json;
using CareerPath.Samples.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareerPath.Samples.Web;

/// <summary>
/// The JSON endpoints the page uses, and the shape a school system would call (docs/http-api.md):
/// <c>POST /api/plan</c>, <c>GET /api/students</c>, <c>GET /api/students/{id}</c>, <c>GET /api/catalogue</c>.
/// </summary>
internal static class PlanApi
{
    /// <summary>Largest request body, in bytes: a student record is a few KB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    // Records and labels leave nulls out, so a record read here can be posted back as it is.
    private static readonly JsonSerializerOptions RecordJson = new(PlanJson.Options)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // Deep enough for any student record; deeper nesting is refused before the reader sees it.
    private static readonly JsonDocumentOptions BodyJson = new() { MaxDepth = 16 };

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/plan", PlanAsync);
        api.MapGet("/students", (SampleStudents samples, FormCatalogue catalogue) =>
            TypedResults.Json(samples.All.Select(pair => Label(pair.Key, pair.Value, catalogue)).ToList(), RecordJson));
        api.MapGet("/students/{id}", (string id, SampleStudents samples) => samples.Find(id) is { } student
            ? TypedResults.Json(SampleStudents.Record(student), RecordJson)
            : ApiProblem.NotFound("No such sample student", $"there is no sample student '{id}'; GET /api/students lists them."));
        api.MapGet("/catalogue", (FormCatalogue catalogue) => TypedResults.Json(catalogue, RecordJson));
    }

    private static async Task<IResult> PlanAsync(HttpRequest request, string? lang, CareerPlanner planner, CancellationToken cancellationToken)
    {
        var (body, refusal) = await RequestBody.ReadTextAsync(request, MaxBodyBytes, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var ruleSet = planner.RuleSet;
        var errors = new List<ApiError>();
        var language = lang is null ? null : ruleSet.Languages.FirstOrDefault(l => string.Equals(l, lang, StringComparison.OrdinalIgnoreCase));
        if (lang is not null && language is null)
        {
            errors.Add(new ApiError("lang", null, null, $"the language '{lang}' is not one of the rule pack's: use {string.Join(" or ", ruleSet.Languages)}."));
        }

        if (JsonProblem(body!) is { } notJson)
        {
            errors.Add(notJson);
            return ApiProblem.BadRequest("The request is not a student record", errors);
        }

        try
        {
            var student = StudentProfileReader.Read(body!, "request", ruleSet);
            if (errors.Count > 0)
            {
                return ApiProblem.BadRequest("The request has mistakes", errors);
            }

            return TypedResults.Json(planner.Plan(student, new PlanOptions { Language = language }), PlanJson.Options);
        }
        catch (StudentProfileException exception)
        {
            errors.AddRange(exception.Errors.Select(ApiError.From));
            return ApiProblem.BadRequest("The student record has mistakes", errors);
        }
    }

    /// <summary>Why the body is not one JSON object, or null when it is. The student reader also takes YAML; the API takes JSON only.</summary>
    private static ApiError? JsonProblem(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ApiError(null, null, null, "the body is empty; send a student record as a JSON object, like {\"id\": \"2024-cnt-0012\", \"major\": \"computer-network-technology\", ...}.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, BodyJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : new ApiError(null, 1, 1, $"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; a student record is a JSON object, like {{\"id\": \"2024-cnt-0012\", ...}}.");
        }
        catch (JsonException exception)
        {
            // System.Text.Json counts from 0 and ends its message with the place; the place goes in line and column instead.
            var message = exception.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var reason = (cut > 0 ? message[..cut] : message).TrimEnd();
            return new ApiError(null, (int?)exception.LineNumber + 1, (int?)exception.BytePositionInLine + 1, $"the body is not valid JSON: {reason}");
        }
    }

    private static SampleStudentLabel Label(string key, StudentProfile student, FormCatalogue catalogue)
    {
        var major = catalogue.Majors.FirstOrDefault(m => m.Id == student.Major)?.Name;
        var stage = catalogue.Stages.FirstOrDefault(s => s.Id == student.Stage)?.Name;
        var graduated = student.Graduation is not null;
        var labels = catalogue.Languages.ToDictionary(
            language => language,
            language =>
            {
                var zh = language.StartsWith("zh", StringComparison.Ordinal);
                var majorName = major?.GetValueOrDefault(language) ?? student.Major;
                var stageName = stage?.GetValueOrDefault(language) ?? student.Stage;
                var where = student.Graduation is { } g
                    ? string.Format(CultureInfo.InvariantCulture, zh ? "{0} {1} 个月" : "{0}, {1} months", stageName, g.MonthsSince)
                    : string.Format(CultureInfo.InvariantCulture, zh ? "{0}{1}年级" : "{0}, year {1}", stageName, student.Year);
                return $"{majorName} · {student.Pathway} · {where}";
            },
            StringComparer.Ordinal);
        return new SampleStudentLabel(key, student.Major, student.Pathway, student.Stage, graduated ? null : student.Year, labels);
    }
}
