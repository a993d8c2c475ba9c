using System.Text;
using System.Text.Json;
using CareerPath.Samples.Cli;

namespace CareerPath.Samples.Batch;

/// <summary>One file per student, <c>&lt;id&gt;.json</c> or <c>&lt;id&gt;.txt</c>, as <c>careerpath plan</c> prints it.</summary>
internal sealed class PlanFilesWriter(string folder, string format) : IPlanWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string extension = format == "json" ? ".json" : ".txt";

    public string Describe() => $"one {extension[1..]} file per student in {folder}";

    /// <summary>
    /// The id made safe as a file name: letters, digits, '-', '_' and '.' are kept, anything else
    /// becomes '_', and a leading dot too (no hidden files).
    /// </summary>
    public string? FileNameFor(string studentId)
    {
        var name = new StringBuilder(Math.Min(studentId.Length, 100));
        foreach (var c in studentId.AsSpan(0, Math.Min(studentId.Length, 100)))
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && name.Length > 0) ? c : '_');
        }

        return name + extension;
    }

    public void Write(CareerPlan plan, object? prepared)
    {
        var path = Path.Combine(folder, FileNameFor(plan.StudentId)!);
        var temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024))
            {
                if (format == "json")
                {
                    JsonSerializer.Serialize(stream, plan, PlanJson.Options);
                    stream.WriteByte((byte)'\n');
                }
                else
                {
                    using var writer = new StreamWriter(stream, Utf8);
                    PlanText.Write(plan, writer);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
