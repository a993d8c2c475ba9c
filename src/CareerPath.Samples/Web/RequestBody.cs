using System.Text;
using Microsoft.AspNetCore.Http;

namespace CareerPath.Samples.Web;

/// <summary>Reads a request body as UTF-8 text up to a size limit, refusing what is larger or not text with a problem, never an exception.</summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body's text, or the refusal to send instead.</summary>
    public static async Task<(string? Text, IResult? Refusal)> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(request, maxBytes));
        }

        byte[] bytes;
        try
        {
            // Chunked bodies have no length up front: read one byte past the limit to know.
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return (null, TooLarge(request, maxBytes));
                }
            }

            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(request, maxBytes));
        }
        catch (BadHttpRequestException exception)
        {
            return (null, ApiProblem.BadRequest("The request body could not be read", [new ApiError(null, null, null, exception.Message)]));
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiProblem.BadRequest("The request body is not text", [new ApiError(null, null, null, "the body is not UTF-8 text; send the student record as JSON in UTF-8.")]));
        }
    }

    private static IResult TooLarge(HttpRequest request, int maxBytes)
    {
        // The rest of the body is never read, so the connection cannot carry another request: say so, or a client may reuse it and fail.
        request.HttpContext.Response.Headers.Connection = "close";
        return ApiProblem.TooLarge(maxBytes);
    }
}
