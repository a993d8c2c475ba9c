using CareerPath.Yaml;

namespace CareerPath.RulePacks;

/// <summary>
/// Layers packs that <c>extends</c> others into one: the base first, then each pack that extends it
/// (docs/rule-format.md#extending-a-pack). Catalogue entries with a base id replace the base's entry;
/// new rules are appended; <c>overrides</c> replace fields of a base rule; <c>disable</c> removes one.
/// A pack may change only what it or a pack below it (one it extends, directly or not) defined or
/// last changed: two packs that do not extend one another touching the same thing is an error,
/// never a silent winner.
/// </summary>
internal static class PackMerger
{
    /// <param name="layers">The packs, every base before the packs that extend it; the first is the root.</param>
    public static PackContents Merge(IReadOnlyList<PackContents> layers, InputErrorList errors)
    {
        var merged = new PackContents { Languages = layers[0].Languages, LanguagesSet = true };
        var byName = layers.ToDictionary(l => l.Name!, StringComparer.Ordinal);
        var owners = new Dictionary<(string Kind, string Id), (string Pack, SourcePlace Place)>();
        foreach (var layer in layers)
        {
            var below = new HashSet<string>(StringComparer.Ordinal);
            for (var at = layer; at.Extends is { } name && below.Add(name); at = byName[name])
            {
            }

            var context = new Layer(layer, below, merged, owners, errors);
            if (layer.Extends is null)
            {
                context.NothingToChange();
            }
            else if (layer.LanguagesSet && !layer.Languages.SequenceEqual(merged.Languages))
            {
                var header = layer.Headers[0];
                errors.Add(header.File, header.Node["languages"] ?? header.Node,
                    $"the pack '{layer.Name}' sets languages {string.Join(", ", layer.Languages)}, but the pack it extends is written in {string.Join(", ", merged.Languages)}; leave 'languages' out or make it the same.",
                    field: "languages");
            }

            context.Catalogue("skill", layer.Skills, merged.Skills);
            context.Catalogue("certificate", layer.Certificates, merged.Certificates);
            context.Catalogue("major", layer.Majors, merged.Majors);
            context.Catalogue("position", layer.Positions, merged.Positions);
            context.Catalogue("learning entry", layer.Learning, merged.Learning);
            context.Catalogue("pathway", layer.Pathways, merged.Pathways);
            context.Rules();
            context.Overrides();
            context.Disable();
            merged.SeenIds.UnionWith(layer.SeenIds);
            merged.UnusedConditions.AddRange(layer.UnusedConditions);
            merged.Texts.AddRange(layer.Texts);
            merged.References.AddRange(layer.References);
        }

        var leaves = layers.Where(l => !layers.Any(other => other.Extends == l.Name)).ToList();
        merged.Name = string.Join(" + ", leaves.Select(l => l.Name));
        merged.Version = string.Join(" + ", leaves.Select(l => l.Version));
        merged.Headers.Add(leaves[0].Headers[0]);
        foreach (var layer in layers)
        {
            merged.Layers.Add((layer.Name!, layer.Version!));
        }

        return merged;
    }

    private sealed class Layer(
        PackContents layer,
        HashSet<string> below,
        PackContents merged,
        Dictionary<(string Kind, string Id), (string Pack, SourcePlace Place)> owners,
        InputErrorList errors)
    {
        /// <summary>The root pack changes nothing: overrides and disables there have no base to change.</summary>
        public void NothingToChange()
        {
            foreach (var place in layer.Overrides.Select(o => o.Place).Concat(layer.Disabled.Select(d => d.Place)).Take(1))
            {
                Error(place,
                    $"'overrides' and 'disable' change the rules of the pack this one extends, but the pack '{layer.Name}' extends none; add 'extends: {RulePackLoader.DefaultPackName}' (or the name of your base pack) to its header.",
                    layer.Name!, "extends");
            }
        }

        public void Catalogue<T>(string kind, Dictionary<string, (T Value, SourcePlace Place)> entries, Dictionary<string, (T Value, SourcePlace Place)> into)
        {
            foreach (var (id, entry) in entries)
            {
                if (Claim(kind, id, entry.Place))
                {
                    into[id] = entry;
                }
            }
        }

        public void Rules()
        {
            foreach (var (id, place) in layer.RuleIds)
            {
                if (merged.RuleIds.TryGetValue(id, out var first))
                {
                    var owner = owners.GetValueOrDefault(("rule", id)).Pack;
                    Error(place, below.Contains(owner)
                        ? $"the rule '{id}' is already in a pack this one extends ({first}); to change it, list it under 'overrides:' with the fields to replace; to add a rule, give it a new id."
                        : $"the packs '{owner}' ({first}) and '{layer.Name}' both define the rule '{id}', and neither extends the other; give one of them another id.",
                        id, "id");
                    continue;
                }

                merged.RuleIds.Add(id, place);
                owners[("rule", id)] = (layer.Name!, place);
                if (layer.Rules.TryGetValue(id, out var rule))
                {
                    merged.Rules.Add(id, rule);
                }
            }
        }

        public void Overrides()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var change in layer.Overrides)
            {
                if (!seen.Add(change.Id))
                {
                    Error(change.Place, $"the rule '{change.Id}' is overridden twice in this pack; merge the two overrides into one.", change.Id);
                    continue;
                }

                if (!merged.Rules.TryGetValue(change.Id, out var rule))
                {
                    if (!merged.RuleIds.ContainsKey(change.Id) || Claim("rule", change.Id, change.Place))
                    {
                        Missing(change.Id, change.Place, "overrides");
                    }

                    continue;
                }

                if (!Claim("rule", change.Id, change.Place))
                {
                    continue;
                }

                foreach (var (key, template) in new[] { ("title", change.Title), ("detail", change.Detail), ("because", change.Because) })
                {
                    if (template is { UsesItem: true } && rule.ForEach is null)
                    {
                        errors.Add(change.Place.File, change.Node[key]!, $"the {key} of the override of '{change.Id}' uses an item placeholder, but the rule has no 'forEach' to fill it.", change.Id, key);
                    }
                }

                if (change.MaxItems is not null && rule.ForEach is null)
                {
                    errors.Add(change.Place.File, change.Node["maxItems"]!, $"the override of '{change.Id}' sets 'maxItems', but the rule has no 'forEach'; remove 'maxItems'.", change.Id, "maxItems");
                }

                // The rule now answers at the override: checks of its due point and scope, lint
                // warnings and plan diagnostics point where the school can fix them.
                merged.Rules[change.Id] = rule with
                {
                    When = change.When ?? rule.When,
                    DoneWhen = change.DoneWhen ?? rule.DoneWhen,
                    Due = change.Due ?? rule.Due,
                    Priority = change.Priority ?? rule.Priority,
                    Title = change.Title ?? rule.Title,
                    Detail = change.Detail ?? rule.Detail,
                    Because = change.Because ?? rule.Because,
                    Scope = change.Scope ?? rule.Scope,
                    MaxItems = change.MaxItems ?? rule.MaxItems,
                    Place = change.Place,
                };
            }
        }

        public void Disable()
        {
            var overridden = layer.Overrides.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, place) in layer.Disabled)
            {
                if (!seen.Add(id))
                {
                    Error(place, $"the rule '{id}' is listed twice in 'disable'; list it once.", id, "disable");
                }
                else if (overridden.Contains(id))
                {
                    Error(place, $"this pack both overrides and disables the rule '{id}'; keep one of the two.", id);
                }
                else if (!merged.Rules.ContainsKey(id) && !merged.RuleIds.ContainsKey(id))
                {
                    Missing(id, place, "disable");
                }
                else if (Claim("rule", id, place))
                {
                    // Rebuilt rather than removed, so the remaining rules keep their pack order.
                    var kept = merged.Rules.Where(r => r.Key != id).ToList();
                    merged.Rules.Clear();
                    foreach (var (ruleId, rule) in kept)
                    {
                        merged.Rules.Add(ruleId, rule);
                    }
                }
            }
        }

        /// <summary>
        /// Records that this pack defines or changes an entry; false (with an error) when the pack that
        /// last defined or changed it is not this one or one it extends.
        /// </summary>
        private bool Claim(string kind, string id, SourcePlace place)
        {
            if (owners.TryGetValue((kind, id), out var previous) && previous.Pack != layer.Name && !below.Contains(previous.Pack))
            {
                Error(place,
                    $"the packs '{previous.Pack}' ({previous.Place}) and '{layer.Name}' both change the {kind} '{id}', and neither extends the other, so neither may win. Make the change in one of them, or let one extend the other.",
                    id);
                return false;
            }

            owners[(kind, id)] = (layer.Name!, place);
            return true;
        }

        private void Missing(string id, SourcePlace place, string field)
        {
            var why = merged.RuleIds.ContainsKey(id) ? " (a pack this one extends disables it)" : string.Empty;
            Error(place, $"'{field}' names the rule '{id}', which no pack this one extends has{why}.{Suggestion.Hint(id, merged.Rules.Keys)}", id, field);
        }

        private void Error(SourcePlace place, string message, string id, string? field = null) =>
            errors.Add(place.File, place.Line, place.Column, message, id, field);
    }
}
