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
/// shared <see cref="PlanEvidence"/> for each true/false, small number, fraction and short text it
/// has shown (up to a few hundred of each).
/// </summary>
internal sealed class FactProbe
{
    private const int MaxKept = 256;
    private const int SmallNumbers = 128;

    private static readonly MethodInfo[] Shows = typeof(FactProbe).GetMethods(BindingFlags.NonPublic | BindingFlags.Instance)
        .Where(m => m.Name == nameof(Show)).ToArray();

    private readonly Expression _value;
    private PlanEvidence[] _truth = [];
    private PlanEvidence _none = null!;
    private PlanEvidence?[] _numbers = [];
    private ConcurrentDictionary<string, PlanEvidence> _texts = null!;
    private ConcurrentDictionary<double, PlanEvidence> _fractions = null!;
    private Func<StudentProfile, StudentFacts, PlanEvidence>? _read;

    public FactProbe(string text, Expression value)
    {
        Text = text;
        _value = value;
    }

    /// <summary>How the value is written in the condition.</summary>
    public string Text { get; }

    /// <summary>The value for this student, as evidence; throws what the condition would throw.</summary>
    public PlanEvidence Read(StudentProfile student, StudentFacts facts) => (Volatile.Read(ref _read) ?? Compile())(student, facts);

    /// <summary>Compiles the probe and makes its shared values; a race makes them twice, harmlessly.</summary>
    private Func<StudentProfile, StudentFacts, PlanEvidence> Compile()
    {
        var value = _value;
        _truth = [new PlanEvidence(Text, "false"), new PlanEvidence(Text, "true")];
        _none = new PlanEvidence(Text, "none");
        _numbers = new PlanEvidence?[SmallNumbers + 1];
        _texts = new ConcurrentDictionary<string, PlanEvidence>(concurrencyLevel: 1, capacity: 4, StringComparer.Ordinal);
        _fractions = new ConcurrentDictionary<double, PlanEvidence>(concurrencyLevel: 1, capacity: 4);
        var show = Shows.FirstOrDefault(m => m.GetParameters()[0].ParameterType == value.Type) ?? Shows.First(m => m.GetParameters()[0].ParameterType == typeof(object));
        var argument = show.GetParameters()[0].ParameterType == value.Type ? value : Expression.Convert(value, typeof(object));
        var read = Expression.Lambda<Func<StudentProfile, StudentFacts, PlanEvidence>>(
            Expression.Call(Expression.Constant(this), show, argument), ConditionCompiler.Student, ConditionCompiler.Facts).CompileFast();
        Volatile.Write(ref _read, read);
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

    private PlanEvidence Show(double value)
    {
        if (_fractions.TryGetValue(value, out var kept))
        {
            return kept;
        }

        var evidence = new PlanEvidence(Text, value.ToString(CultureInfo.InvariantCulture));
        return _fractions.Count < MaxKept ? _fractions.GetOrAdd(value, evidence) : evidence;
    }

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
        return value.Length <= 64 && _texts.Count < MaxKept ? _texts.GetOrAdd(value, evidence) : evidence;
    }

    private PlanEvidence Show(object? value) => value switch
    {
        null => _none,
        IFormattable formattable => new PlanEvidence(Text, formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => new PlanEvidence(Text, value.ToString() ?? string.Empty),
    };

    }
