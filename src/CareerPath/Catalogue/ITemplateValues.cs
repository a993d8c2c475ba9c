namespace CareerPath.Catalogue;

/// <summary>Supplies the value of a placeholder for one student in one language.</summary>
internal interface ITemplateValues
{
    string Value(string placeholder, string language);
}
