using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerPath.Samples.Web;

/// <summary>One problem with a request: the field it is in (null for the body as a whole), where in the body (null when not located) and what to fix.</summary>
internal sealed record ApiError(string? Field, int? Line, int? Column, string Message)
{
    public static ApiError From(InputError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var located = error.Line > 0;
        return new ApiError(error.Field, located ? error.Line : null, located ? error.Column : null, error.Message);
    }
}

/// <summary>The API's refusals as <c>application/problem+json</c> (RFC 9457) with every problem listed in <c>errors</c>.</summary>
internal static class ApiProblem
{
    public static IResult BadRequest(string title, IReadOnlyList<ApiError> errors) =>
        Refuse(StatusCodes.Status400BadRequest, title, errors.Count == 1 ? "1 problem to fix." : $"{errors.Count} problems to fix.", errors);

    public static IResult TooLarge(int maxBytes) => Refuse(
        StatusCodes.Status413PayloadTooLarge,
        "The request body is too large",
        "Send one student record.",
        [new ApiError(null, null, null, $"a request body may be at most {maxBytes / 1024} KB; a student record is a few KB.")]);

    public static IResult NotFound(string title, string message) => Refuse(StatusCodes.Status404NotFound, title, message, [new ApiError(null, null, null, message)]);

    private static ProblemHttpResult Refuse(int status, string title, string detail, IReadOnlyList<ApiError> errors) => TypedResults.Problem(
        title: title,
        detail: detail,
        statusCode: status,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
}
