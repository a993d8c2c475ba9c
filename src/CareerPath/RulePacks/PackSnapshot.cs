using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using CareerPath.Catalogue;
using CareerPath.Engine;
using CareerPath.Yaml;

namespace CareerPath.RulePacks;

/// <summary>
/// The embedded default pack, read ahead of time: the YAML tree of each of its files and the parsed tree
/// of each of its conditions, as YamlDotNet and System.Linq.Dynamic.Core made them when the library was
/// built. Loading the default pack from the snapshot skips only those two parsers; every check, the
/// allow-list, compiling and indexing run as they do for any pack. In a new process the two parsers'
/// first use costs more than half of the <c>plan</c> command's time (docs/performance.md).
/// </summary>
/// <remarks>
/// The snapshot names the sources and parser versions it was made from (<see cref="Identity"/>); when they
/// differ it is not used and the pack is parsed from its YAML, so a stale snapshot costs time, never
/// correctness. A test regenerates it and fails when the embedded one differs (docs/performance.md says how
/// to refresh it). A condition the snapshot cannot write (a node kind the allow-list refuses anyway), or
/// whose tree does not read back as the same tree, is left out and parsed at load.
/// </remarks>
internal sealed class PackSnapshot
{
    /// <summary>The manifest name of the embedded snapshot (outside the pack's own resource prefix).</summary>
    public const string ResourceName = "CareerPath.DefaultPackSnapshot.bin";

    /// <summary>Raised whenever the layout below changes.</summary>
    private const int FormatVersion = 1;

    private const string Magic = "CareerPath pack snapshot";

    private PackSnapshot(Dictionary<string, YamlNode> files, Dictionary<string, Expression> conditions)
    {
        Files = files;
        Conditions = conditions;
    }

    /// <summary>Each file's YAML tree, by the file's name.</summary>
    public IReadOnlyDictionary<string, YamlNode> Files { get; }

    /// <summary>Each condition's parsed tree (before the allow-list, which runs at load), by its text.</summary>
    public IReadOnlyDictionary<string, Expression> Conditions { get; }

    /// <summary>What a snapshot was made from: the format, the parsers' versions and a hash of every file's name and text.</summary>
    public static string Identity(IReadOnlyList<(string Name, string Text)> sources)
    {
        // FNV-1a over the UTF-16 text: this detects a changed file, it is not a defence (the snapshot and the
        // files are embedded in the same assembly).
        var hash = 14695981039346656037UL;
        foreach (var (name, text) in sources)
        {
            hash = Fnv(Fnv(Fnv(hash, name), "\0"), text);
        }

        // Package versions, not assembly versions (YamlDotNet 18.1.0 is assembly 18.0.0.0), and the runtime's,
        // whose methods the parser chooses among.
        return string.Join(
            ' ',
            $"format-{FormatVersion}",
            $"dotnet-{Environment.Version.Major}.{Environment.Version.Minor}",
            $"yamldotnet-{Version(typeof(YamlDotNet.Core.Parser))}",
            $"dynamic-linq-{Version(typeof(System.Linq.Dynamic.Core.ParsingConfig))}",
            $"rulesengine-{Version(typeof(RulesEngine.Models.ReSettings))}",
            $"sources-{sources.Count}-{hash:x16}");

        static string? Version(Type type) =>
            type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? type.Assembly.GetName().Version?.ToString();

        static ulong Fnv(ulong hash, string text)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }
    }

    /// <summary>The snapshot embedded in the library, or null when there is none or it was made from other sources or parsers.</summary>
    public static PackSnapshot? Embedded(IReadOnlyList<(string Name, string Text)> sources)
    {
        using var stream = typeof(PackSnapshot).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : TryRead(stream, sources);
    }

    /// <summary>Reads a snapshot; null when it was made from other sources or parsers, or cannot be read.</summary>
    public static PackSnapshot? TryRead(Stream stream, IReadOnlyList<(string Name, string Text)> sources)
    {
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic || reader.ReadString() != Identity(sources))
            {
                return null;
            }

            return new Reader(reader, sources).ReadAll();
        }
#pragma warning disable CA1031 // A snapshot that cannot be read is not used; the pack is then parsed from its YAML.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// Parses <paramref name="sources"/> the ordinary way and writes the snapshot of them. The same sources
    /// always give the same bytes.
    /// </summary>
    /// <exception cref="InvalidOperationException">A file does not read as YAML.</exception>
    public static byte[] Write(IReadOnlyList<(string Name, string Text)> sources)
    {
        var errors = new InputErrorList();
        var files = new List<(string Name, YamlNode Root)>();
        var contents = new PackContents();
        foreach (var (name, text) in sources)
        {
            var root = YamlDocumentReader.Read(text, name, errors)
                ?? throw new InvalidOperationException($"{name} does not read as YAML: {string.Join("; ", errors.ToList())}");
            files.Add((name, root));
            PackFileReader.Read(text, name, contents, errors, InputLimits.Default, root);
        }

        var texts = contents.Rules.Values
            .SelectMany(r => new[] { r.When, r.DoneWhen })
            .Concat(contents.UnusedConditions.Select(u => u.Source))
            .OfType<ExpressionSource>()
            .DistinctBy(s => s.Text)
            .OrderBy(s => s.Text, StringComparer.Ordinal)
            .ToList();
        var compiler = new ConditionCompiler(PackCatalogue.Empty);
        var conditions = new List<(string Text, Expression Tree)>();
        foreach (var source in texts)
        {
            if (compiler.Parse(source) is not { } tree)
            {
                continue;
            }

            // Kept only when it reads back as the same tree; otherwise it is parsed at load.
            if (RoundTrips(tree))
            {
                conditions.Add((source.Text, tree));
            }
        }

        using var body = new Writer();
        body.Count(files.Count);
        foreach (var (name, root) in files)
        {
            body.Text(name);
            body.Node(root);
        }

        body.Count(conditions.Count);
        foreach (var (text, tree) in conditions)
        {
            body.Text(text);
            body.Expression(tree);
        }

        using var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Identity(sources));
            body.WriteTo(writer);
            writer.Write(Magic);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Whether two condition trees are the same in everything the snapshot keeps: each node's kind and type,
    /// the methods and members chosen (with their declaring and parameter types), lifting, and constants.
    /// False when either holds a node the snapshot cannot write.
    /// </summary>
    internal static bool SameTree(Expression a, Expression b)
    {
        try
        {
            return Bytes(a).AsSpan().SequenceEqual(Bytes(b));
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static byte[] Bytes(Expression tree)
    {
        using var writer = new Writer();
        writer.Expression(tree);
        using var output = new MemoryStream();
        using (var binary = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            writer.WriteTo(binary);
        }

        return output.ToArray();
    }

    /// <summary>Whether <paramref name="tree"/> can be written and reads back as the same tree.</summary>
    internal static bool RoundTrips(Expression tree)
    {
        try
        {
            var bytes = Bytes(tree);
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            var back = new Reader(reader, []).ReadOneTree();
            return back is not null && SameTree(tree, back);
        }
#pragma warning disable CA1031 // A tree that does not read back is left out of the snapshot and parsed at load.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private enum NodeKind : byte
    {
        Scalar,
        Sequence,
        Mapping,
    }

    private enum TreeKind : byte
    {
        Binary,
        Unary,
        Conditional,
        Constant,
        Parameter,
        Member,
        Call,
        Null,
    }

    private enum ValueKind : byte
    {
        Null,
        String,
        Boolean,
        Int32,
        Int64,
        Double,
        Decimal,
        Single,
    }

    /// <summary>Writes nodes and trees with every text, type and member named once, in a table at the front.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
        private readonly List<string> _table = [];
        private readonly MemoryStream _body = new();
        private readonly BinaryWriter _out;

        public Writer() => _out = new BinaryWriter(_body, Encoding.UTF8, leaveOpen: true);

        public void Dispose()
        {
            _out.Dispose();
            _body.Dispose();
        }

        public void Count(int count) => _out.Write7BitEncodedInt(count);

        public void Text(string text)
        {
            if (!_texts.TryGetValue(text, out var index))
            {
                index = _table.Count;
                _texts.Add(text, index);
                _table.Add(text);
            }

            _out.Write7BitEncodedInt(index);
        }

        public void Node(YamlNode node)
        {
            switch (node)
            {
                case YamlScalar scalar:
                    _out.Write((byte)NodeKind.Scalar);
                    Place(node);
                    Text(scalar.Value);
                    _out.Write((byte)((scalar.IsQuoted ? 1 : 0) | (scalar.IsBlock ? 2 : 0)));
                    _out.Write7BitEncodedInt(scalar.EndLine);
                    break;
                case YamlSequence sequence:
                    _out.Write((byte)NodeKind.Sequence);
                    Place(node);
                    Count(sequence.Items.Count);
                    foreach (var item in sequence.Items)
                    {
                        Node(item);
                    }

                    break;
                case YamlMapping mapping:
                    _out.Write((byte)NodeKind.Mapping);
                    Place(node);
                    Count(mapping.Entries.Count);
                    foreach (var (key, value) in mapping.Entries)
                    {
                        Node(key);
                        Node(value);
                    }

                    break;
                default:
                    throw new NotSupportedException(node.GetType().Name);
            }
        }

        public void Expression(Expression? node)
        {
            switch (node)
            {
                case null:
                    _out.Write((byte)TreeKind.Null);
                    break;
                case BinaryExpression { Conversion: null } binary:
                    _out.Write((byte)TreeKind.Binary);
                    _out.Write((byte)binary.NodeType);
                    _out.Write(binary.IsLiftedToNull);
                    Method(binary.Method);
                    Expression(binary.Left);
                    Expression(binary.Right);
                    break;
                case UnaryExpression unary when unary.NodeType is ExpressionType.Convert or ExpressionType.Not or ExpressionType.Negate:
                    _out.Write((byte)TreeKind.Unary);
                    _out.Write((byte)unary.NodeType);
                    Type(unary.Type);
                    Method(unary.Method);
                    Expression(unary.Operand);
                    break;
                case ConditionalExpression conditional:
                    _out.Write((byte)TreeKind.Conditional);
                    Type(conditional.Type);
                    Expression(conditional.Test);
                    Expression(conditional.IfTrue);
                    Expression(conditional.IfFalse);
                    break;
                case ConstantExpression constant:
                    _out.Write((byte)TreeKind.Constant);
                    Type(constant.Type);
                    Constant(constant.Value);
                    break;
                case ParameterExpression parameter when parameter == ConditionCompiler.Student || parameter == ConditionCompiler.Facts:
                    _out.Write((byte)TreeKind.Parameter);
                    _out.Write(parameter == ConditionCompiler.Student ? (byte)0 : (byte)1);
                    break;
                case MemberExpression { Member: PropertyInfo or FieldInfo } member:
                    _out.Write((byte)TreeKind.Member);
                    Type(member.Member.DeclaringType!);
                    _out.Write(member.Member is PropertyInfo);
                    Text(member.Member.Name);
                    Expression(member.Expression);
                    break;
                case MethodCallExpression call:
                    _out.Write((byte)TreeKind.Call);
                    Method(call.Method);
                    Expression(call.Object);
                    Count(call.Arguments.Count);
                    foreach (var argument in call.Arguments)
                    {
                        Expression(argument);
                    }

                    break;
                default:
                    throw new NotSupportedException(node.NodeType.ToString());
            }
        }

        public void WriteTo(BinaryWriter writer)
        {
            _out.Flush();
            writer.Write7BitEncodedInt(_table.Count);
            foreach (var text in _table)
            {
                writer.Write(text);
            }

            writer.Write(_body.GetBuffer(), 0, (int)_body.Length);
        }

        private void Place(YamlNode node)
        {
            _out.Write7BitEncodedInt(node.Line);
            _out.Write7BitEncodedInt(node.Column);
        }

        private void Type(Type type)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                _out.Write(true);
                Type(underlying);
                return;
            }

            if (type.IsGenericType || type.IsArray || type.FullName is null)
            {
                throw new NotSupportedException(type.Name);
            }

            _out.Write(false);
            Text(type.FullName);
            Text(type.Assembly.GetName().Name!);
        }

        private void Method(MethodInfo? method)
        {
            if (method is null)
            {
                _out.Write(false);
                return;
            }

            if (method.IsGenericMethod)
            {
                throw new NotSupportedException(method.Name);
            }

            _out.Write(true);
            Type(method.DeclaringType!);
            Text(method.Name);
            var parameters = method.GetParameters();
            Count(parameters.Length);
            foreach (var parameter in parameters)
            {
                Type(parameter.ParameterType);
            }
        }

        private void Constant(object? value)
        {
            switch (value)
            {
                case null:
                    _out.Write((byte)ValueKind.Null);
                    break;
                case string text:
                    _out.Write((byte)ValueKind.String);
                    Text(text);
                    break;
                case bool flag:
                    _out.Write((byte)ValueKind.Boolean);
                    _out.Write(flag);
                    break;
                case int number:
                    _out.Write((byte)ValueKind.Int32);
                    _out.Write(number);
                    break;
                case long number:
                    _out.Write((byte)ValueKind.Int64);
                    _out.Write(number);
                    break;
                case double number:
                    _out.Write((byte)ValueKind.Double);
                    _out.Write(number);
                    break;
                case decimal number:
                    _out.Write((byte)ValueKind.Decimal);
                    _out.Write(number);
                    break;
                case float number:
                    _out.Write((byte)ValueKind.Single);
                    _out.Write(number);
                    break;
                default:
                    throw new NotSupportedException(value.GetType().Name);
            }
        }
    }

    /// <summary>Reads what <see cref="Writer"/> wrote, resolving each type and member once.</summary>
    private sealed class Reader(BinaryReader input, IReadOnlyList<(string Name, string Text)> sources)
    {
        private const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

        private readonly Dictionary<(int Name, int Assembly), Type> _types = [];
        private string[] _table = [];

        /// <summary>Reads a table and one tree, as <see cref="Bytes"/> writes them.</summary>
        public Expression? ReadOneTree()
        {
            ReadTable();
            return Expression();
        }

        public PackSnapshot ReadAll()
        {
            ReadTable();

            var files = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            for (var count = input.Read7BitEncodedInt(); count > 0; count--)
            {
                files.Add(Text(), Node());
            }

            var conditions = new Dictionary<string, Expression>(StringComparer.Ordinal);
            for (var count = input.Read7BitEncodedInt(); count > 0; count--)
            {
                conditions.Add(Text(), Expression() ?? throw new InvalidDataException("a condition without a tree"));
            }

            if (input.ReadString() != Magic || files.Count != sources.Count || input.BaseStream.Position != input.BaseStream.Length)
            {
                throw new InvalidDataException("the snapshot does not end where it should");
            }

            return new PackSnapshot(files, conditions);
        }

        private void ReadTable()
        {
            _table = new string[input.Read7BitEncodedInt()];
            for (var i = 0; i < _table.Length; i++)
            {
                _table[i] = input.ReadString();
            }
        }

        private string Text() => _table[input.Read7BitEncodedInt()];

        private YamlNode Node()
        {
            var kind = (NodeKind)input.ReadByte();
            var line = input.Read7BitEncodedInt();
            var column = input.Read7BitEncodedInt();
            switch (kind)
            {
                case NodeKind.Scalar:
                    var value = Text();
                    var flags = input.ReadByte();
                    return new YamlScalar(line, column, value, isQuoted: (flags & 1) != 0)
                    {
                        IsBlock = (flags & 2) != 0,
                        EndLine = input.Read7BitEncodedInt(),
                    };
                case NodeKind.Sequence:
                    var items = new YamlNode[input.Read7BitEncodedInt()];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Node();
                    }

                    return new YamlSequence(line, column, items);
                case NodeKind.Mapping:
                    var entries = new KeyValuePair<YamlScalar, YamlNode>[input.Read7BitEncodedInt()];
                    for (var i = 0; i < entries.Length; i++)
                    {
                        var key = (YamlScalar)Node();
                        entries[i] = new(key, Node());
                    }

                    return new YamlMapping(line, column, entries);
                default:
                    throw new InvalidDataException($"node kind {kind}");
            }
        }

        private Expression? Expression()
        {
            var kind = (TreeKind)input.ReadByte();
            switch (kind)
            {
                case TreeKind.Null:
                    return null;
                case TreeKind.Binary:
                {
                    var type = (ExpressionType)input.ReadByte();
                    var liftToNull = input.ReadBoolean();
                    var method = Method();
                    var left = Expression()!;
                    return System.Linq.Expressions.Expression.MakeBinary(type, left, Expression()!, liftToNull, method);
                }

                case TreeKind.Unary:
                {
                    var type = (ExpressionType)input.ReadByte();
                    var result = Type();
                    var method = Method();
                    return System.Linq.Expressions.Expression.MakeUnary(type, Expression()!, result, method);
                }

                case TreeKind.Conditional:
                {
                    var type = Type();
                    var test = Expression()!;
                    var ifTrue = Expression()!;
                    return System.Linq.Expressions.Expression.Condition(test, ifTrue, Expression()!, type);
                }

                case TreeKind.Constant:
                {
                    var type = Type();
                    object? value = (ValueKind)input.ReadByte() switch
                    {
                        ValueKind.Null => null,
                        ValueKind.String => Text(),
                        ValueKind.Boolean => input.ReadBoolean(),
                        ValueKind.Int32 => input.ReadInt32(),
                        ValueKind.Int64 => input.ReadInt64(),
                        ValueKind.Double => input.ReadDouble(),
                        ValueKind.Decimal => input.ReadDecimal(),
                        ValueKind.Single => input.ReadSingle(),
                        var other => throw new InvalidDataException($"constant kind {other}"),
                    };
                    return System.Linq.Expressions.Expression.Constant(value, type);
                }

                case TreeKind.Parameter:
                    return input.ReadByte() == 0 ? ConditionCompiler.Student : ConditionCompiler.Facts;
                case TreeKind.Member:
                {
                    var owner = Type();
                    var isProperty = input.ReadBoolean();
                    var name = Text();
                    MemberInfo member = (isProperty ? owner.GetProperty(name, Members) : owner.GetField(name, Members) as MemberInfo)
                        ?? throw new InvalidDataException($"{owner.Name}.{name} is gone");
                    return System.Linq.Expressions.Expression.MakeMemberAccess(Expression(), member);
                }

                case TreeKind.Call:
                {
                    var method = Method() ?? throw new InvalidDataException("a call without a method");
                    var target = Expression();
                    var arguments = new Expression[input.Read7BitEncodedInt()];
                    for (var i = 0; i < arguments.Length; i++)
                    {
                        arguments[i] = Expression()!;
                    }

                    return System.Linq.Expressions.Expression.Call(target, method, arguments);
                }

                default:
                    throw new InvalidDataException($"tree kind {kind}");
            }
        }

        private Type Type()
        {
            if (input.ReadBoolean())
            {
                return typeof(Nullable<>).MakeGenericType(Type());
            }

            var key = (input.Read7BitEncodedInt(), input.Read7BitEncodedInt());
            if (!_types.TryGetValue(key, out var type))
            {
                var assembly = _table[key.Item2] switch
                {
                    var name when name == typeof(object).Assembly.GetName().Name => typeof(object).Assembly,
                    var name when name == typeof(PackSnapshot).Assembly.GetName().Name => typeof(PackSnapshot).Assembly,
                    var name => Assembly.Load(new AssemblyName(name)),
                };
                type = assembly.GetType(_table[key.Item1], throwOnError: true)!;
                _types.Add(key, type);
            }

            return type;
        }

        private MethodInfo? Method()
        {
            if (!input.ReadBoolean())
            {
                return null;
            }

            var owner = Type();
            var name = Text();
            var parameters = new Type[input.Read7BitEncodedInt()];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = Type();
            }

            return owner.GetMethod(name, Members, parameters) ?? throw new InvalidDataException($"{owner.Name}.{name} is gone");
        }
    }
}
