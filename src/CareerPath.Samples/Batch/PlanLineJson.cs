using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CareerPath.Samples.Cli;

namespace CareerPath.Samples.Batch;

/// <summary>
/// Writes a plan as one line of JSON for <c>plans.jsonl</c>: byte for byte what <see cref="JsonSerializer"/>
/// writes with <see cref="PlanJson.Lines"/> (a test compares the two over the sample cohort), in about a
/// fifth of the time: 2.3 to 2.5 s against 11 to 12.8 s for 98,000 generated plans (5.5 GB) on one core.
/// </summary>
/// <remarks>
/// Plans of one pack share most of their parts: a rule's texts, due points and evidence are the same
/// instances in every plan that shows them, and so are a position's gaps with what closes them. Each such
/// part is encoded once, by <see cref="Utf8JsonWriter"/> with the same encoder, and copied into later lines
/// as it is; only what differs per student (id, scores, statuses) is written anew. One instance per thread:
/// it is not thread-safe.
/// </remarks>
#pragma warning disable CA1001 // Its two Utf8JsonWriters hold no unmanaged resource; one instance lives as long as its thread.
internal sealed class PlanLineJson
#pragma warning restore CA1001
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = PlanJson.Lines.Encoder, SkipValidation = true };
    private static readonly JsonEncodedText[] PhaseIds = EnumNames<CareerPhase>();
    private static readonly JsonEncodedText[] PhaseStatuses = EnumNames<PhaseStatus>();
    private static readonly JsonEncodedText[] StepStatuses = EnumNames<StepStatus>();

    /// <summary>Encoded texts, due points, evidence and gaps: 32,768 slots, 8 MB, many times what one pack's shared parts take.</summary>
    private readonly KeptEncodings<Part> parts = new(1 << 15, 8 << 20);

    /// <summary>Encoded steps without their status, in two pieces: two copies instead of seven parts per step.</summary>
    private readonly KeptEncodings<StepHead> heads = new(1 << 14, 4 << 20);
    private readonly KeptEncodings<StepTail> tails = new(1 << 15, 8 << 20);

    /// <summary>Encoded starts of positions, <c>"positionId"</c> to <c>"major"</c>.</summary>
    private readonly KeptEncodings<FitHead> fitHeads = new(1 << 10, 256 << 10);

    /// <summary>Encoded numbers: fit scores are rounded, so a few thousand values recur, and formatting a double costs more than copying it.</summary>
    private readonly KeptEncodings<Real> reals = new(1 << 13, 256 << 10);
    private readonly ArrayBufferWriter<byte> scratch = new(4096);
    private readonly Utf8JsonWriter part;
    private readonly Utf8JsonWriter json;

    /// <summary>Where each position of the line being written starts and ends in it, to copy into <c>targetPositions</c> and <c>job</c>.</summary>
    private readonly List<(PositionFit Fit, int Start, int End)> fits = [];
    private ArrayBufferWriter<byte> line;

    public PlanLineJson()
    {
        line = scratch;
        part = new Utf8JsonWriter(scratch, WriterOptions);
        json = new Utf8JsonWriter(scratch, WriterOptions);
    }

    /// <summary>Appends <paramref name="plan"/> as JSON, without the line's end, to <paramref name="output"/>.</summary>
    public void Write(CareerPlan plan, ArrayBufferWriter<byte> output)
    {
        line = output;
        json.Reset(output);
        fits.Clear();

        // A plan that failed part way (a number JSON cannot hold) may have left a part half encoded.
        scratch.ResetWrittenCount();
        part.Reset(scratch);

        json.WriteStartObject();
        json.WriteString(Names.StudentId, plan.StudentId);
        json.WriteStartObject(Names.Pack);
        Text(Names.Name, plan.Pack.Name);
        Text(Names.Version, plan.Pack.Version);
        json.WriteEndObject();
        json.WriteString(Names.Language, plan.Language);
        Text(Names.Major, plan.Major);
        Text(Names.MajorName, plan.MajorName);
        Text(Names.ArticulatedMajor, plan.ArticulatedMajor);
        Text(Names.ArticulatedMajorName, plan.ArticulatedMajorName);
        Text(Names.TransferRequirements, plan.TransferRequirements);
        Text(Names.Pathway, plan.Pathway);
        Text(Names.PathwayName, plan.PathwayName);
        json.WritePropertyName(Names.Position);
        WritePosition(plan.Position);
        json.WriteString(Names.CurrentPhase, PhaseIds[(int)plan.CurrentPhase]);
        json.WritePropertyName(Names.Stages);
        Shared(plan.Stages, static (w, stages) =>
        {
            w.WriteStartArray();
            foreach (var stage in stages)
            {
                w.WriteStartObject();
                w.WriteString(Names.Stage, stage.Stage);
                w.WriteString(Names.Name, stage.Name);
                w.WriteNumber(Names.Years, stage.Years);
                w.WriteString(Names.Status, PhaseStatuses[(int)stage.Status]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        WriteFits(Names.Positions, plan.Positions);
        WriteFits(Names.TargetPositions, plan.TargetPositions);
        json.WritePropertyName(Names.Job);
        WriteJob(plan.Job);
        json.WriteStartArray(Names.Phases);
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            WritePhase(plan.Phases[i]);
        }

        json.WriteEndArray();
        json.WriteStartArray(Names.Diagnostics);
        for (var i = 0; i < plan.Diagnostics.Count; i++)
        {
            var diagnostic = plan.Diagnostics[i];
            json.WriteStartObject();
            json.WriteString(Names.Code, diagnostic.Code);
            json.WriteString(Names.RuleId, diagnostic.RuleId);
            json.WriteString(Names.Message, diagnostic.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private void WritePosition(PlanPosition position)
    {
        json.WriteStartObject();
        Text(Names.Stage, position.Stage);
        json.WriteNumber(Names.Year, position.Year);
        json.WriteNumber(Names.Term, position.Term);
        json.WriteNumber(Names.ProgrammeTerm, position.ProgrammeTerm);
        json.WriteNumber(Names.TotalTerms, position.TotalTerms);
        Number(Names.MonthsSinceGraduation, position.MonthsSinceGraduation);
        Text(Names.Label, position.Label);
        json.WriteEndObject();
    }

    private void WriteJob(PlanJob? job)
    {
        if (job is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        Text(Names.PositionId, job.PositionId);
        Text(Names.Name, job.Name);
        json.WriteBoolean(Names.InMajor, job.InMajor);
        json.WritePropertyName(Names.Fit);
        if (job.Fit is { } fit)
        {
            WriteFit(fit);
        }
        else
        {
            json.WriteNullValue();
        }

        Number(Names.Rank, job.Rank);
        json.WriteEndObject();
    }

    private void WriteFits(JsonEncodedText name, IReadOnlyList<PositionFit> list)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < list.Count; i++)
        {
            WriteFit(list[i]);
        }

        json.WriteEndArray();
    }

    /// <summary>A position's fit; one written before in this line (target positions, a job's fit) is copied.</summary>
    private void WriteFit(PositionFit fit)
    {
        json.Flush();
        foreach (var (written, from, to) in fits)
        {
            if (ReferenceEquals(written, fit))
            {
                json.WriteRawValue(line.WrittenSpan[from..to], skipInputValidation: true);
                return;
            }
        }

        // The value starts at its '{', after the separator the writer puts before it.
        json.WriteStartObject();
        json.Flush();
        var start = line.WrittenCount - 1;
        var head = new FitHead(fit.PositionId, fit.Name, fit.Major);
        if (!fitHeads.TryGet(head, out var encoded))
        {
            part.WriteStartObject();
            part.WriteString(Names.PositionId, fit.PositionId);
            part.WriteString(Names.Name, fit.Name);
            part.WriteString(Names.Major, fit.Major);
            encoded = Encoded(1);
            fitHeads.Keep(head, encoded);
        }

        json.WriteRawValue(encoded, skipInputValidation: true);
        Number(Names.Score, fit.Score);
        Number(Names.Skills, fit.Skills);
        Number(Names.Certificates, fit.Certificates);
        Number(Names.Interests, fit.Interests);
        Number(Names.Goal, fit.Goal);
        json.WriteBoolean(Names.ChosenByStudent, fit.ChosenByStudent);
        json.WriteStartArray(Names.Gaps);
        for (var i = 0; i < fit.Gaps.Count; i++)
        {
            var gap = fit.Gaps[i];
            Shared(gap, static (w, gap) =>
            {
                w.WriteStartObject();
                w.WriteString(Names.Kind, gap.Kind);
                w.WriteString(Names.Id, gap.Id);
                w.WriteString(Names.Name, gap.Name);
                Number(w, Names.Level, gap.Level);
                Number(w, Names.Needed, gap.Needed);
                w.WriteNumber(Names.Gain, gap.Gain);
                w.WriteStartArray(Names.ClosedBy);
                foreach (var closer in gap.ClosedBy)
                {
                    w.WriteStartObject();
                    w.WriteString(Names.Kind, closer.Kind);
                    w.WriteString(Names.Id, closer.Id);
                    w.WriteString(Names.Name, closer.Name);
                    Number(w, Names.Level, closer.Level);
                    w.WriteBoolean(Names.Closes, closer.Closes);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        fits.Add((fit, start, line.WrittenCount));
    }

    private void WritePhase(PlanPhase phase)
    {
        json.WriteStartObject();
        json.WriteString(Names.Phase, PhaseIds[(int)phase.Phase]);
        Text(Names.Id, phase.Id);
        Text(Names.Title, phase.Title);
        Text(Names.Starts, phase.Starts);
        json.WriteString(Names.Status, PhaseStatuses[(int)phase.Status]);
        json.WriteStartArray(Names.Steps);
        for (var i = 0; i < phase.Steps.Count; i++)
        {
            WriteStep(phase.Steps[i]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteStep(PlanStep step)
    {
        json.WriteStartObject();
        if (step.Item is null)
        {
            // The properties from "ruleId" to "due", and from "why" to "priority", as two raw pieces: the
            // writer, which does not validate, puts separators after them as after any value.
            var head = new StepHead(step.RuleId, step.Title, step.Detail, step.Category, step.Due);
            if (!heads.TryGet(head, out var encoded))
            {
                part.WriteStartObject();
                part.WriteString(Names.RuleId, step.RuleId);
                part.WriteNull(Names.Item);
                part.WriteString(Names.Title, step.Title);
                part.WriteString(Names.Detail, step.Detail);
                part.WriteString(Names.Category, step.Category);
                part.WritePropertyName(Names.Due);
                WriteDue(part, step.Due);
                encoded = Encoded(1);
                heads.Keep(head, encoded);
            }

            json.WriteRawValue(encoded, skipInputValidation: true);
            json.WriteString(Names.Status, StepStatuses[(int)step.Status]);
            var tail = new StepTail(step.Why, step.Evidence, step.Priority);
            if (!tails.TryGet(tail, out encoded))
            {
                part.WriteStartObject();
                part.WriteString(Names.Why, step.Why);
                part.WritePropertyName(Names.Evidence);
                WriteEvidence(part, step.Evidence);
                part.WriteNumber(Names.Priority, step.Priority);
                encoded = Encoded(1);
                tails.Keep(tail, encoded);
            }

            json.WriteRawValue(encoded, skipInputValidation: true);
            json.WriteEndObject();
            return;
        }

        Text(Names.RuleId, step.RuleId);
        Text(Names.Item, step.Item);
        Text(Names.Title, step.Title);
        Text(Names.Detail, step.Detail);
        Text(Names.Category, step.Category);
        json.WritePropertyName(Names.Due);
        Shared(step.Due, WriteDue);
        json.WriteString(Names.Status, StepStatuses[(int)step.Status]);
        Text(Names.Why, step.Why);
        json.WritePropertyName(Names.Evidence);
        Shared(step.Evidence, WriteEvidence);
        json.WriteNumber(Names.Priority, step.Priority);
        json.WriteEndObject();
    }

    private static void WriteDue(Utf8JsonWriter writer, StepDue due)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Label, due.Label);
        writer.WriteNumber(Names.TimelineIndex, due.TimelineIndex);
        writer.WriteString(Names.Stage, due.Stage);
        Number(writer, Names.Year, due.Year);
        Number(writer, Names.Term, due.Term);
        Number(writer, Names.AfterGraduationMonths, due.AfterGraduationMonths);
        writer.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter writer, IReadOnlyList<PlanEvidence> evidence)
    {
        writer.WriteStartArray();
        foreach (var entry in evidence)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Fact, entry.Fact);
            writer.WriteString(Names.Value, entry.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>What <see cref="part"/> wrote, without its first <paramref name="skip"/> bytes, made ready for the next part.</summary>
    private ReadOnlySpan<byte> Encoded(int skip)
    {
        part.Flush();
        var encoded = scratch.WrittenSpan[skip..];
        scratch.ResetWrittenCount();
        part.Reset(scratch);
        return encoded;
    }

    /// <summary>A property whose text comes from the pack, so the same instance recurs: encoded once.</summary>
    private void Text(JsonEncodedText name, string? value)
    {
        json.WritePropertyName(name);
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            Shared(value, static (w, text) => w.WriteStringValue(text));
        }
    }

    private void Number(JsonEncodedText name, int? value) => Number(json, name, value);

    private void Number(JsonEncodedText name, double? value)
    {
        json.WritePropertyName(name);
        if (value is not { } number)
        {
            json.WriteNullValue();
            return;
        }

        var key = new Real(number);
        if (!reals.TryGet(key, out var encoded))
        {
            part.WriteNumberValue(number);
            encoded = Encoded(0);
            reals.Keep(key, encoded);
        }

        json.WriteRawValue(encoded, skipInputValidation: true);
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a value shared between plans from its encoding, made the first time it is met.</summary>
    private void Shared<T>(T value, Action<Utf8JsonWriter, T> encode)
        where T : class
    {
        if (!parts.TryGet(new Part(value), out var encoded))
        {
            encode(part, value);
            encoded = Encoded(0);
            parts.Keep(new Part(value), encoded);
        }

        json.WriteRawValue(encoded, skipInputValidation: true);
    }

    /// <summary>An enum's values as <see cref="PlanJson.Lines"/> writes them (kebab-case), by value.</summary>
    private static JsonEncodedText[] EnumNames<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new JsonEncodedText[values.Length];
        foreach (var value in values)
        {
            var quoted = JsonSerializer.Serialize(value, PlanJson.Lines);
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(quoted[1..^1], PlanJson.Lines.Encoder);
        }

        return names;
    }

    /// <summary>
    /// Encodings by key, one slot per hash of the key (identity hashes of its objects): a table without chains or
    /// resizing, where a key that meets another's slot takes it, so keys that recur stay and one student's
    /// own pass through. The encodings lie one after another in one array; when it is full, the table
    /// starts again empty. Nothing here is allocated after construction.
    /// </summary>
    private sealed class KeptEncodings<TKey>(int slots, int bytes)
        where TKey : struct, IEquatable<TKey>
    {
        private readonly (TKey Key, int Start, int Length)[] table = new (TKey, int, int)[slots];
        private readonly byte[] encodings = new byte[bytes];
        private int used;

        public bool TryGet(TKey key, out ReadOnlySpan<byte> encoded)
        {
            ref readonly var kept = ref table[Slot(key)];
            var found = kept.Length > 0 && kept.Key.Equals(key);
            encoded = found ? encodings.AsSpan(kept.Start, kept.Length) : default;
            return found;
        }

        public void Keep(TKey key, ReadOnlySpan<byte> encoded)
        {
            if (encoded.Length > encodings.Length - used)
            {
                Array.Clear(table);
                used = 0;
                if (encoded.Length > encodings.Length)
                {
                    return;
                }
            }

            encoded.CopyTo(encodings.AsSpan(used));
            table[Slot(key)] = (key, used, encoded.Length);
            used += encoded.Length;
        }

        private int Slot(TKey key) => key.GetHashCode() & (table.Length - 1);
    }

    /// <summary>A shared value, the same by reference only (two equal texts may differ in how they were made).</summary>
    private readonly record struct Part(object Value) : IEquatable<Part>
    {
        public bool Equals(Part other) => ReferenceEquals(Value, other.Value);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Value);
    }

    /// <summary>A step from <c>"ruleId"</c> to <c>"due"</c>, the same when all its parts are the same instances.</summary>
    private readonly record struct StepHead(string RuleId, string Title, string Detail, string Category, StepDue Due) : IEquatable<StepHead>
    {
        public bool Equals(StepHead other) =>
            ReferenceEquals(Detail, other.Detail) && ReferenceEquals(Due, other.Due) && ReferenceEquals(Title, other.Title)
            && ReferenceEquals(RuleId, other.RuleId) && ReferenceEquals(Category, other.Category);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Detail) ^ (RuntimeHelpers.GetHashCode(Due) * 31);
    }

    /// <summary>A position from <c>"positionId"</c> to <c>"major"</c>, the same when its texts are the same instances.</summary>
    private readonly record struct FitHead(string PositionId, string Name, string Major) : IEquatable<FitHead>
    {
        public bool Equals(FitHead other) => ReferenceEquals(Name, other.Name) && ReferenceEquals(PositionId, other.PositionId) && ReferenceEquals(Major, other.Major);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Name);
    }

    /// <summary>A number, the same when its bits are (so 0 and -0 are two).</summary>
    private readonly record struct Real(double Value) : IEquatable<Real>
    {
        public bool Equals(Real other) => BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value);

        public override int GetHashCode() => (int)((ulong)BitConverter.DoubleToInt64Bits(Value) * 0x9E3779B97F4A7C15UL >> 40);
    }

    /// <summary>A step from <c>"why"</c> to <c>"priority"</c>, the same when its texts are the same instances.</summary>
    private readonly record struct StepTail(string Why, IReadOnlyList<PlanEvidence> Evidence, int Priority) : IEquatable<StepTail>
    {
        public bool Equals(StepTail other) => ReferenceEquals(Evidence, other.Evidence) && ReferenceEquals(Why, other.Why) && Priority == other.Priority;

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Evidence) ^ (RuntimeHelpers.GetHashCode(Why) * 31);
    }

    /// <summary>The property names, camelCase as <see cref="PlanJson.Lines"/> names them.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText StudentId = JsonEncodedText.Encode("studentId");
        public static readonly JsonEncodedText Pack = JsonEncodedText.Encode("pack");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
        public static readonly JsonEncodedText Major = JsonEncodedText.Encode("major");
        public static readonly JsonEncodedText MajorName = JsonEncodedText.Encode("majorName");
        public static readonly JsonEncodedText ArticulatedMajor = JsonEncodedText.Encode("articulatedMajor");
        public static readonly JsonEncodedText ArticulatedMajorName = JsonEncodedText.Encode("articulatedMajorName");
        public static readonly JsonEncodedText TransferRequirements = JsonEncodedText.Encode("transferRequirements");
        public static readonly JsonEncodedText Pathway = JsonEncodedText.Encode("pathway");
        public static readonly JsonEncodedText PathwayName = JsonEncodedText.Encode("pathwayName");
        public static readonly JsonEncodedText Position = JsonEncodedText.Encode("position");
        public static readonly JsonEncodedText Stage = JsonEncodedText.Encode("stage");
        public static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
        public static readonly JsonEncodedText Term = JsonEncodedText.Encode("term");
        public static readonly JsonEncodedText ProgrammeTerm = JsonEncodedText.Encode("programmeTerm");
        public static readonly JsonEncodedText TotalTerms = JsonEncodedText.Encode("totalTerms");
        public static readonly JsonEncodedText MonthsSinceGraduation = JsonEncodedText.Encode("monthsSinceGraduation");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText CurrentPhase = JsonEncodedText.Encode("currentPhase");
        public static readonly JsonEncodedText Stages = JsonEncodedText.Encode("stages");
        public static readonly JsonEncodedText Years = JsonEncodedText.Encode("years");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Positions = JsonEncodedText.Encode("positions");
        public static readonly JsonEncodedText TargetPositions = JsonEncodedText.Encode("targetPositions");
        public static readonly JsonEncodedText PositionId = JsonEncodedText.Encode("positionId");
        public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
        public static readonly JsonEncodedText Skills = JsonEncodedText.Encode("skills");
        public static readonly JsonEncodedText Certificates = JsonEncodedText.Encode("certificates");
        public static readonly JsonEncodedText Interests = JsonEncodedText.Encode("interests");
        public static readonly JsonEncodedText Goal = JsonEncodedText.Encode("goal");
        public static readonly JsonEncodedText ChosenByStudent = JsonEncodedText.Encode("chosenByStudent");
        public static readonly JsonEncodedText Gaps = JsonEncodedText.Encode("gaps");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Needed = JsonEncodedText.Encode("needed");
        public static readonly JsonEncodedText Gain = JsonEncodedText.Encode("gain");
        public static readonly JsonEncodedText ClosedBy = JsonEncodedText.Encode("closedBy");
        public static readonly JsonEncodedText Closes = JsonEncodedText.Encode("closes");
        public static readonly JsonEncodedText Job = JsonEncodedText.Encode("job");
        public static readonly JsonEncodedText InMajor = JsonEncodedText.Encode("inMajor");
        public static readonly JsonEncodedText Fit = JsonEncodedText.Encode("fit");
        public static readonly JsonEncodedText Rank = JsonEncodedText.Encode("rank");
        public static readonly JsonEncodedText Phases = JsonEncodedText.Encode("phases");
        public static readonly JsonEncodedText Phase = JsonEncodedText.Encode("phase");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Starts = JsonEncodedText.Encode("starts");
        public static readonly JsonEncodedText Steps = JsonEncodedText.Encode("steps");
        public static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
        public static readonly JsonEncodedText Item = JsonEncodedText.Encode("item");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
        public static readonly JsonEncodedText Due = JsonEncodedText.Encode("due");
        public static readonly JsonEncodedText TimelineIndex = JsonEncodedText.Encode("timelineIndex");
        public static readonly JsonEncodedText AfterGraduationMonths = JsonEncodedText.Encode("afterGraduationMonths");
        public static readonly JsonEncodedText Why = JsonEncodedText.Encode("why");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText Fact = JsonEncodedText.Encode("fact");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Priority = JsonEncodedText.Encode("priority");
        public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    }
}
