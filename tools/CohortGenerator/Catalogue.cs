using YamlDotNet.RepresentationModel;

namespace CareerPath.CohortGenerator;

/// <summary>A major that students enrol on, the pathways it is offered on and the undergraduate major it leads to.</summary>
internal sealed record CatalogueMajor(string Id, string? ArticulatesTo, IReadOnlyList<string> Pathways);

/// <summary>A stage of a pathway and how many years it lasts.</summary>
internal sealed record CatalogueStage(string Stage, int Years);

/// <summary>A pathway: its stages in order.</summary>
internal sealed record CataloguePathway(string Id, IReadOnlyList<CatalogueStage> Stages);

/// <summary>A position: the major it belongs to, the skill levels and certificates it asks for.</summary>
internal sealed record CataloguePosition(string Id, string Major, IReadOnlyDictionary<string, int> Skills, IReadOnlyList<string> Certificates);

/// <summary>
/// The parts of a pack's catalogue a cohort is made from, read from its YAML files (the library keeps
/// its catalogue model internal). Entries come in file-name order, then file order: a fixed order,
/// so that the same seed makes the same cohort.
/// </summary>
internal sealed class Catalogue
{
    private Catalogue(IReadOnlyList<CatalogueMajor> majors, IReadOnlyList<CataloguePathway> pathways, IReadOnlyList<CataloguePosition> positions)
    {
        Majors = majors;
        Pathways = pathways;
        Positions = positions;
    }

    /// <summary>The majors students enrol on (those offered on at least one pathway).</summary>
    public IReadOnlyList<CatalogueMajor> Majors { get; }

    public IReadOnlyList<CataloguePathway> Pathways { get; }

    public IReadOnlyList<CataloguePosition> Positions { get; }

    public static Catalogue Read(string folder)
    {
        var majors = new List<CatalogueMajor>();
        var pathways = new List<CataloguePathway>();
        var positions = new List<CataloguePosition>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                continue;
            }

            foreach (var major in Items(root, "majors"))
            {
                var offered = Strings(major, "pathways");
                if (offered.Count > 0)
                {
                    majors.Add(new CatalogueMajor(Text(major, "id")!, Text(major, "articulatesTo"), offered));
                }
            }

            foreach (var pathway in Items(root, "pathways"))
            {
                var stages = Items(pathway, "stages").Select(s => new CatalogueStage(Text(s, "stage")!, int.Parse(Text(s, "years")!, System.Globalization.CultureInfo.InvariantCulture)));
                pathways.Add(new CataloguePathway(Text(pathway, "id")!, [.. stages]));
            }

            foreach (var position in Items(root, "positions"))
            {
                var skills = position.Children.TryGetValue(new YamlScalarNode("skills"), out var node) && node is YamlMappingNode map
                    ? map.Children.ToDictionary(
                        pair => ((YamlScalarNode)pair.Key).Value!,
                        pair => int.Parse(((YamlScalarNode)pair.Value).Value!, System.Globalization.CultureInfo.InvariantCulture),
                        StringComparer.Ordinal)
                    : [];
                positions.Add(new CataloguePosition(Text(position, "id")!, Text(position, "major")!, skills, Strings(position, "certificates")));
            }
        }

        if (majors.Count == 0 || pathways.Count == 0 || positions.Count == 0)
        {
            throw new InvalidDataException($"{folder}: no majors, pathways or positions were found; give the catalogue folder of a rule pack.");
        }

        return new Catalogue(majors, pathways, positions);
    }

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string> Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value!)]
            : [];
}
