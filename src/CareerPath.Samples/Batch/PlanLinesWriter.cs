using System.Text.Json;
using CareerPath.Samples.Cli;

namespace CareerPath.Samples.Batch;

/// <summary>
/// Every plan in one JSON-lines file, <c>plans.jsonl</c>: one plan's JSON per line, in input order,
/// the form a school system imports back.
/// </summary>
internal sealed class PlanLinesWriter : IPlanWriter
{
    public const string FileName = "plans.jsonl";

    private readonly string path;
    private readonly string temporary;
    private readonly FileStream stream;
    private bool completed;

    public PlanLinesWriter(string folder)
    {
        path = Path.Combine(folder, FileName);
        temporary = path + ".tmp";
        stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
    }

    public string Describe() => path;

    public string? FileNameFor(string studentId) => null;

    public void Write(CareerPlan plan)
    {
        JsonSerializer.Serialize(stream, plan, PlanJson.Lines);
        stream.WriteByte((byte)'\n');
    }

    public void Complete()
    {
        stream.Dispose();
        File.Move(temporary, path, overwrite: true);
        completed = true;
    }

    public void Dispose()
    {
        if (!completed)
        {
            stream.Dispose();
            File.Delete(temporary);
        }
    }
}
