using System.Globalization;
using System.Text;

namespace CareerPath.CohortGenerator;

/// <summary>
/// Makes cohort rows in the columns of docs/cohort-format.md. The first rows go through every
/// major x pathway x stage (graduated included) once, so that a file of 100 rows spans them all;
/// after them, a stage is as likely as it is long (a three-year stage three times a graduate), and
/// skills, certificates and targets grow with how far the student is on the pathway.
/// Every 50th row, from the 18th, has one deliberate mistake, of one of <see cref="Mistakes"/> kinds in turn.
/// </summary>
internal sealed class CohortRows
{
    public static readonly IReadOnlyList<string> Header =
        ["id", "major", "pathway", "stage", "year", "term", "goal", "interests", "gpa", "skills", "certificates", "targetPositions", "graduationMonths", "employed", "jobPosition"];

    /// <summary>The kinds of deliberate mistake, in the order they take turns.</summary>
    public static readonly IReadOnlyList<string> Mistakes =
        ["unknown major", "year 9", "skill level 7", "malformed skills cell", "skill level not a number", "unknown certificate", "comma instead of ';' (one cell too many)"];

    private const int BadEvery = 50;
    private const int FirstBad = 17;

    private readonly Catalogue catalogue;
    private readonly IReadOnlyList<(CatalogueMajor Major, CataloguePathway Pathway, string Stage)> combinations;
    private readonly IReadOnlyList<int> weights;

    public CohortRows(Catalogue catalogue)
    {
        this.catalogue = catalogue;
        combinations =
        [
            .. from major in catalogue.Majors
               from pathway in catalogue.Pathways
               where major.Pathways.Contains(pathway.Id)
               from stage in pathway.Stages.Select(s => s.Stage).Append("graduated")
               select (major, pathway, stage),
        ];
        weights = [.. combinations.Select(c => c.Pathway.Stages.FirstOrDefault(s => s.Stage == c.Stage)?.Years ?? 1)];
    }

    public int Combinations => combinations.Count;

    /// <summary>Whether data row <paramref name="index"/> (0-based) has a deliberate mistake.</summary>
    public static bool IsBad(int index) => index % BadEvery == FirstBad;

    /// <summary>Data row <paramref name="index"/> as a CSV line, made from <paramref name="random"/>.</summary>
    public string Row(int index, SplitMix64 random)
    {
        var (major, pathway, stage) = combinations[index < combinations.Count ? index : Weighted(random, weights)];
        var graduated = stage == "graduated";
        var stageIndex = graduated ? pathway.Stages.Count : pathway.Stages.ToList().FindIndex(s => s.Stage == stage);
        var year = graduated ? 0 : 1 + random.Next(pathway.Stages[stageIndex].Years);
        var term = graduated ? 0 : 1 + random.Next(2);
        var totalTerms = pathway.Stages.Sum(s => s.Years) * 2;
        var termsBefore = pathway.Stages.Take(stageIndex).Sum(s => s.Years) * 2 + (graduated ? 0 : (year - 1) * 2 + term - 1);
        var progress = graduated ? 1.0 : (double)termsBefore / totalTerms;
        var finalYear = !graduated && stageIndex == pathway.Stages.Count - 1 && year == pathway.Stages[stageIndex].Years;

        var own = catalogue.Positions.Where(p => p.Major == major.Id).ToList();
        var reachable = pathway.Stages.Any(s => s.Stage == "undergraduate")
            ? [.. own, .. catalogue.Positions.Where(p => p.Major == major.ArticulatesTo)]
            : own;
        var goesOn = pathway.Stages.Any(s => s.Stage == "undergraduate") && stage != "undergraduate" && !graduated;
        var goal = Weighted(random, goesOn ? [("further-study", 6), ("employment", 2), ("undecided", 2)] : [("employment", 6), ("further-study", 1), ("undecided", 3)]);

        var skillPool = own.SelectMany(p => p.Skills.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var skills = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var skillCount = Math.Min(skillPool.Count, (int)Math.Round(progress * 7) + random.Next(2));
        while (skills.Count < skillCount)
        {
            var level = (int)Math.Round(progress * 3.5 + random.NextDouble() * 1.5 - 0.5);
            skills[random.Pick(skillPool)] = Math.Clamp(level, 1, 5);
        }

        var certificatePool = own.SelectMany(p => p.Certificates).Distinct().Order(StringComparer.Ordinal).ToList();
        var certificates = certificatePool.Where(_ => random.Chance(progress * 0.7)).ToList();

        var targets = new List<string>();
        var chooses = termsBefore >= 1 && random.Chance(finalYear ? 0.85 : 0.75);
        if (chooses || (graduated && random.Chance(0.5)))
        {
            var first = random.Pick(stage == "undergraduate" || graduated ? reachable : own);
            targets.Add(first.Id);
            var second = random.Pick(own);
            if (random.Chance(0.4) && second.Id != first.Id)
            {
                targets.Add(second.Id);
            }
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = $"{2025 - (int)Math.Ceiling(termsBefore / 2.0) - (graduated ? 1 : 0)}-{Initials(major.Id)}-{index + 1:D6}",
            ["major"] = major.Id,
            ["pathway"] = pathway.Id,
            ["stage"] = stage,
            ["year"] = graduated ? string.Empty : Number(year),
            ["term"] = graduated ? string.Empty : Number(term),
            ["goal"] = goal,
            ["interests"] = termsBefore == 0 || random.Chance(0.05) ? string.Empty : Interests(random),
            ["gpa"] = random.Chance(0.1) ? string.Empty : (2.0 + random.Next(21) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
            ["skills"] = string.Join(';', skills.Select(s => $"{s.Key}:{Number(s.Value)}")),
            ["certificates"] = string.Join(';', certificates),
            ["targetPositions"] = string.Join(';', targets),
            ["graduationMonths"] = string.Empty,
            ["employed"] = string.Empty,
            ["jobPosition"] = string.Empty,
        };

        if (graduated)
        {
            var employed = random.Chance(0.75);
            cells["graduationMonths"] = Number(random.Pick([1, 3, 6, 12, 18, 24]));
            cells["employed"] = employed ? "true" : "false";
            cells["jobPosition"] = employed && random.Chance(0.8) ? random.Pick(own).Id : string.Empty;
        }

        // The one mistake written as a school's export would: targets separated by an unquoted comma.
        var unquoted = IsBad(index) && MakeMistake((index - FirstBad) / BadEvery % Mistakes.Count, cells, skillPool, own);
        return string.Join(',', Header.Select(h => unquoted && h == "targetPositions" ? cells[h] : Csv(cells[h])));
    }

    /// <summary>A cell as CSV writes it: quoted when it holds a comma, a quote or a line break.</summary>
    public static string Csv(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>Puts mistake <paramref name="kind"/> into the cells; true when the targets cell must be written unquoted.</summary>
    private static bool MakeMistake(int kind, Dictionary<string, string> cells, List<string> skillPool, List<CataloguePosition> own)
    {
        switch (kind)
        {
            case 0:
                cells["major"] = "computer-networking";
                break;
            case 1:
                cells["stage"] = "secondary-vocational";
                cells["year"] = "9";
                cells["term"] = "1";
                cells["graduationMonths"] = cells["employed"] = cells["jobPosition"] = string.Empty;
                break;
            case 2:
                cells["skills"] = $"{skillPool[0]}:7";
                break;
            case 3:
                cells["skills"] = $"{skillPool[0]}=3;{skillPool[^1]}:2";
                break;
            case 4:
                cells["skills"] = $"{skillPool[0]}:high";
                break;
            case 5:
                cells["certificates"] = "1x-cloud-computing";
                break;
            default:
                cells["targetPositions"] = $"{own[0].Id},{own[^1].Id}";
                return true;
        }

        return false;
    }

    private static string Interests(SplitMix64 random)
    {
        var letters = new StringBuilder();
        var count = 1 + random.Next(3);
        while (letters.Length < count)
        {
            var letter = "RIASEC"[random.Next(6)];
            if (letters.ToString().IndexOf(letter, StringComparison.Ordinal) < 0)
            {
                letters.Append(letter);
            }
        }

        return letters.ToString();
    }

    private static string Weighted(SplitMix64 random, (string Value, int Weight)[] choices) =>
        choices[Weighted(random, [.. choices.Select(c => c.Weight)])].Value;

    /// <summary>An index into <paramref name="weights"/>, each as likely as its weight.</summary>
    private static int Weighted(SplitMix64 random, IReadOnlyList<int> weights)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Count; i++)
        {
            if (pick < weights[i])
            {
                return i;
            }

            pick -= weights[i];
        }

        return weights.Count - 1;
    }

    private static string Initials(string id) => string.Concat(id.Split('-').Select(part => part[0]));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
