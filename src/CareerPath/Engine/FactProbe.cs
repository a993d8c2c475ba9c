using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using FastExpressionCompiler;

namespace CareerPath.Engine;

/// <summary>
/// One value a condition reads (for example <c>facts.SkillLevel("linux-administration")</c>), shown as
/// evidence when the rule fires. It is compiled the first time a plan needs it (most probes of a
/// large pack are never read by a given run), reads the value without boxing, and hands out one
/// shared <see cref="PlanEvidence"/> for each true/false, small number and short text it has shown.
/// </summary>
internal sealed class FactProbe
{
    private const int MaxKeptTexts = 256;
    private const int SmallNumbers = 128;

    private static readonly MethodInfo[] Shows = typeof(FactProbe).GetMethods(BindingFlags.NonPublic | BindingFlags.Instance)
        .Where(m => m.Name == nameof(Show)).ToArray();

    private readonly PlanEvidence[] _truth;
    private readonly PlanEvidence _none;
    private readonly PlanEvidence?[] _numbers = new PlanEvidence?[SmallNumbers + 1];
    private readonly ConcurrentDictionary<string, PlanEvidence> _texts = new(StringComparer.Ordinal);
    private Expression? _value;
    private Func<StudentProfile, StudentFacts, PlanEvidence>? _read;

    public FactProbe(string text, Expression value)
    {
        Text = text;
        _value = value;
        _truth = [new PlanEvidence(text, "false"), new PlanEvidence(text, "true")];
        _none = new PlanEvidence(text, "none");
    }

    /// <summary>How the value is written in the condition.</summary>
    public string Text { get; }

    /// <summary>The value for this student, as evidence; throws what the condition would throw.</summary>
    public PlanEvidence Read(StudentProfile student, StudentFacts facts) => (_read ?? Compile())(student, facts);

    private Func<StudentProfile, StudentFacts, PlanEvidence> Compile()
    {
        var value = _value!;
        var show = Shows.FirstOrDefault(m => m.GetParameters()[0].ParameterType == value.Type) ?? Shows.First(m => m.GetParameters()[0].ParameterType == typeof(object));
        var argument = show.GetParameters()[0].ParameterType == value.Type ? value : Expression.Convert(value, typeof(object));
        var read = Expression.Lambda<Func<StudentProfile, StudentFacts, PlanEvidence>>(
            Expression.Call(Expression.Constant(this), show, argument), ConditionCompiler.Student, ConditionCompiler.Facts).CompileFast();
        _read = read;
        _value = null;
        return read;
    }

    private PlanEvidence Show(bool value) => _truth[value ? 1 : 0];

    private PlanEvidence Show(int value)
    {
        if (value < -1 || value >= SmallNumbers)
        {
            return new PlanEvidence(Text, value.ToString(CultureInfo.InvariantCulture));
        }

        ref var kept = ref _numbers[value + 1];
        return Volatile.Read(ref kept) ?? (kept = new PlanEvidence(Text, value.ToString(CultureInfo.InvariantCulture)));
    }

    private PlanEvidence Show(int? value) => value is { } number ? Show(number) : _none;

    private PlanEvidence Show(double value) => new(Text, value.ToString(CultureInfo.InvariantCulture));

    private PlanEvidence Show(double? value) => value is { } number ? Show(number) : _none;

    private PlanEvidence Show(string? value)
    {
        if (value is null)
        {
            return _none;
        }

        if (_texts.TryGetValue(value, out var kept))
        {
            return kept;
        }

        var evidence = new PlanEvidence(Text, $"\"{value}\"");
        return value.Length <= 64 && _texts.Count < MaxKeptTexts ? _texts.GetOrAdd(value, evidence) : evidence;
    }

    private PlanEvidence Show(object? value) => value switch
    {
        null => _none,
        IFormattable formattable => new PlanEvidence(Text, formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => new PlanEvidence(Text, value.ToString() ?? string.Empty),
    };

    }
