using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareerPath.Samples.Web;

/// <summary>
/// What the page's form offers: the majors a student enrols on with their pathways, each pathway's
/// stages and years, and for each major the skills, certificates and positions that matter to it.
/// </summary>
/// <remarks>
/// The library keeps its catalogue internal, so this view is read from the pack's YAML: the default
/// pack's files (embedded in this app from the same sources as the library's), then the files given
/// with <c>--rules</c>, a later entry replacing an earlier one with the same id as packs do. The pack
/// is loaded and checked by the library first; this reader only picks out names and ids.
/// </remarks>
internal sealed record FormCatalogue(
    PlanPack Pack,
    IReadOnlyList<string> Languages,
    IReadOnlyList<CatalogueName> Stages,
    IReadOnlyList<CatalogueName> Goals,
    IReadOnlyList<FormMajor> Majors,
    IReadOnlyList<FormPathway> Pathways,
    IReadOnlyList<CatalogueName> Skills,
    IReadOnlyList<CatalogueName> Certificates,
    IReadOnlyList<FormPosition> Positions)
{
    private const string DefaultResourcePrefix = "DefaultPack/";

    // The library's own words for stages and goals are internal too; these match them.
    private static readonly CatalogueName[] StageNames =
    [
        new("secondary-vocational", Names("Secondary vocational", "中职")),
        new("higher-vocational", Names("Higher vocational", "高职")),
        new("undergraduate", Names("Undergraduate", "本科")),
        new("graduated", Names("Graduated", "已毕业")),
        new("graduate", Names("Master's study", "研究生")),
    ];

    private static readonly CatalogueName[] GoalNames =
    [
        new("employment", Names("Employment", "就业")),
        new("further-study", Names("Further study", "升学")),
        new("undecided", Names("Undecided", "未定")),
    ];

    /// <summary>The catalogue of <paramref name="ruleSet"/>, loaded from the default pack or from <paramref name="rulePaths"/>.</summary>
    public static FormCatalogue Load(RuleSet ruleSet, IReadOnlyList<string> rulePaths)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var files = rulePaths.SelectMany(PackFiles).Select(path => Parse(File.ReadAllText(path))).ToList();
        var layered = rulePaths.Count == 0 || files.Any(ExtendsDefault);
        var documents = layered ? [.. DefaultPackDocuments(), .. files] : files;
        return Build(ruleSet, documents);
    }

    private static FormCatalogue Build(RuleSet ruleSet, List<YamlMappingNode> documents)
    {
        var languages = ruleSet.Languages;
        var skills = Section(documents, "skills");
        var certificates = Section(documents, "certificates");
        var majors = Section(documents, "majors");
        var positions = Section(documents, "positions");
        var learning = Section(documents, "learning");
        var pathways = Section(documents, "pathways");

        CatalogueName Named(KeyValuePair<string, YamlMappingNode> entry) => new(entry.Key, Texts(Get(entry.Value, "name"), languages));

        // The majors a student enrols on; what matters to each is what its positions (and those of the
        // undergraduate major it leads to) ask for, and what the learning its students take teaches.
        var formMajors = majors
            .Where(m => Scalar(m.Value, "level") == "higher-vocational" && Strings(Get(m.Value, "pathways")).Count > 0)
            .Select(m =>
            {
                var articulatesTo = Scalar(m.Value, "articulatesTo");
                var ownPositions = positions.Where(p => Scalar(p.Value, "major") is { } major && (major == m.Key || major == articulatesTo)).ToList();
                var studied = majors.Where(f => Scalar(f.Value, "articulatesTo") == m.Key).Select(f => f.Key).Append(m.Key).Append(articulatesTo).OfType<string>().ToHashSet(StringComparer.Ordinal);
                var ownLearning = learning.Select(l => l.Value).Where(l => Get(l, "majors") is not YamlSequenceNode list || Strings(list).Any(studied.Contains)).ToList();
                var entries = ownPositions.Select(p => p.Value).Concat(ownLearning).ToList();
                var skillIds = entries.SelectMany(e => Keys(Get(e, "skills"))).ToHashSet(StringComparer.Ordinal);
                var certificateIds = entries.SelectMany(e => Strings(Get(e, "certificates"))).ToHashSet(StringComparer.Ordinal);
                return new FormMajor(
                    m.Key,
                    Texts(Get(m.Value, "name"), languages),
                    articulatesTo,
                    Strings(Get(m.Value, "pathways")),
                    [.. skills.Select(skill => skill.Key).Where(skillIds.Contains)],
                    [.. certificates.Select(certificate => certificate.Key).Where(certificateIds.Contains)],
                    [.. ownPositions.Select(p => p.Key)]);
            })
            .ToList();

        var formPathways = pathways.Select(p => new FormPathway(
            p.Key,
            Texts(Get(p.Value, "name"), languages),
            [.. (Get(p.Value, "stages") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
                .Select(s => new FormPathwayStage(Scalar(s, "stage") ?? string.Empty, int.TryParse(Scalar(s, "years"), out var years) ? years : 0)) ?? []]))
            .ToList();

        var localisedStages = StageNames.Select(s => s with { Name = Localise(s.Name, languages) }).ToList();
        var localisedGoals = GoalNames.Select(g => g with { Name = Localise(g.Name, languages) }).ToList();
        return new FormCatalogue(
            new PlanPack(ruleSet.Name, ruleSet.Version),
            languages,
            localisedStages,
            localisedGoals,
            formMajors,
            formPathways,
            [.. skills.Select(Named)],
            [.. certificates.Select(Named)],
            [.. positions.Select(p => new FormPosition(p.Key, Texts(Get(p.Value, "name"), languages), Scalar(p.Value, "major") ?? string.Empty))]);
    }

    /// <summary>One catalogue section across the documents in order: a later entry replaces an earlier one with its id in place, a new id comes last.</summary>
    private static List<KeyValuePair<string, YamlMappingNode>> Section(List<YamlMappingNode> documents, string key)
    {
        var entries = new List<KeyValuePair<string, YamlMappingNode>>();
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in documents.SelectMany(document => Get(document, key) is YamlSequenceNode list ? list.Children.OfType<YamlMappingNode>() : []))
        {
            if (Scalar(entry, "id") is not { } id)
            {
                continue;
            }

            if (places.TryGetValue(id, out var place))
            {
                entries[place] = KeyValuePair.Create(id, entry);
            }
            else
            {
                places[id] = entries.Count;
                entries.Add(KeyValuePair.Create(id, entry));
            }
        }

        return entries;
    }

    private static IEnumerable<string> PackFiles(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(file => file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [path];

    private static List<YamlMappingNode> DefaultPackDocuments()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(DefaultResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return Parse(reader.ReadToEnd());
            })];
    }

    private static bool ExtendsDefault(YamlMappingNode document) =>
        Get(document, "pack") is YamlMappingNode pack && Scalar(pack, "extends") == RulePackLoader.DefaultPackName;

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            // The library has loaded this pack, so this does not happen; a file it skipped adds nothing here.
            return new YamlMappingNode();
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? root : new YamlMappingNode();
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Get(map, key) as YamlScalarNode)?.Value;

    private static List<string> Strings(YamlNode? node) =>
        node is YamlSequenceNode list ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>()] : [];

    private static IEnumerable<string> Keys(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>() : [];

    private static Dictionary<string, string> Texts(YamlNode? node, IReadOnlyList<string> languages)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode map)
        {
            foreach (var language in languages)
            {
                if (Scalar(map, language) is { } text)
                {
                    texts[language] = text;
                }
            }
        }

        return texts;
    }

    private static Dictionary<string, string> Localise(IReadOnlyDictionary<string, string> names, IReadOnlyList<string> languages) =>
        languages.ToDictionary(language => language, language => names.GetValueOrDefault(language) ?? names["en"], StringComparer.Ordinal);

    private static Dictionary<string, string> Names(string english, string chinese) =>
        new(StringComparer.Ordinal) { ["en"] = english, ["zh-CN"] = chinese };
}

/// <summary>An id and its name in each of the pack's languages.</summary>
internal sealed record CatalogueName(string Id, IReadOnlyDictionary<string, string> Name);

/// <summary>A major a student enrols on, with what its form needs.</summary>
internal sealed record FormMajor(
    string Id,
    IReadOnlyDictionary<string, string> Name,
    string? ArticulatesTo,
    IReadOnlyList<string> Pathways,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Certificates,
    IReadOnlyList<string> Positions);

/// <summary>A pathway and its stages in order.</summary>
internal sealed record FormPathway(string Id, IReadOnlyDictionary<string, string> Name, IReadOnlyList<FormPathwayStage> Stages);

/// <summary>One stage of a pathway and how many years it has.</summary>
internal sealed record FormPathwayStage(string Stage, int Years);

/// <summary>A position a student can aim for, and the major it belongs to.</summary>
internal sealed record FormPosition(string Id, IReadOnlyDictionary<string, string> Name, string Major);
