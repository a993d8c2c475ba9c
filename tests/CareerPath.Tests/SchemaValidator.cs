using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace CareerPath.Tests;

/// <summary>One problem a schema finds: where in the instance (a JSON Pointer) and what.</summary>
public sealed record SchemaError(string At, string Message)
{
    public override string ToString() => $"{(At.Length == 0 ? "(root)" : At)}: {Message}";
}

/// <summary>What the two drafts say about one instance: editors implement draft 7, the schemas declare 2020-12.</summary>
public sealed record SchemaVerdict(IReadOnlyList<SchemaError> Draft2020, IReadOnlyList<SchemaError> Draft7)
{
    public override string ToString() =>
        $"draft 2020-12: {Describe(Draft2020)}{Environment.NewLine}draft 7: {Describe(Draft7)}";

    private static string Describe(IReadOnlyList<SchemaError> errors) =>
        errors.Count == 0 ? "valid" : string.Join(Environment.NewLine + "  ", ["invalid", .. errors.Select(e => e.ToString())]);
}

/// <summary>
/// Validates instances against the schemas in <c>schemas/</c> through Python's jsonschema package,
/// one process for the whole test class (see Schemas/check-with-jsonschema.py for why Python).
/// </summary>
public sealed class SchemaValidator : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public SchemaValidator()
    {
        var script = Path.Combine(TestFiles.RepoRoot, "tests", "CareerPath.Tests", "Schemas", "check-with-jsonschema.py");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { script, SchemaFolder },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "The schema tests validate with Python's jsonschema package: install python3 and 'pip install jsonschema' (4.18 or later). " + exception.Message, exception);
        }

        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public static string SchemaFolder { get; } = Path.Combine(TestFiles.RepoRoot, "schemas");

    /// <summary>Validates <paramref name="instance"/> against schemas/<paramref name="schemaFile"/> under draft 2020-12 and draft 7.</summary>
    public async Task<SchemaVerdict> ValidateAsync(string schemaFile, JsonNode? instance, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(new JsonObject { ["validate"] = schemaFile, ["instance"] = instance?.DeepClone() }, cancellationToken);
        return new SchemaVerdict(Errors(answer["draft2020"]), Errors(answer["draft7"]));
    }

    /// <summary>Checks schemas/<paramref name="schemaFile"/> against the draft 2020-12 meta-schema.</summary>
    public async Task<IReadOnlyList<SchemaError>> CheckSchemaAsync(string schemaFile, CancellationToken cancellationToken) =>
        Errors((await AskAsync(new JsonObject { ["checkSchema"] = schemaFile }, cancellationToken))["errors"]);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        _oneAtATime.Dispose();
    }

    private static List<SchemaError> Errors(JsonNode? errors) =>
        [.. errors!.AsArray().Select(e => new SchemaError((string)e!["at"]!, (string)e["message"]!))];

    private async Task<JsonObject> AskAsync(JsonObject request, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await _process.StandardInput.WriteLineAsync(request.ToJsonString().AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
            var line = await _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(AnswerTimeout, cancellationToken);
            var answer = line is null ? null : JsonNode.Parse(line)?.AsObject();
            if (answer is null || answer["fatal"] is { } fatal)
            {
                string stderr;
                lock (_stderr)
                {
                    stderr = _stderr.ToString();
                }

                throw new InvalidOperationException($"check-with-jsonschema.py gave no answer. {answer?["fatal"]}{Environment.NewLine}{stderr}");
            }

            return answer;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
