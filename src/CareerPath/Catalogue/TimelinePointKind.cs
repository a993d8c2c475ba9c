namespace CareerPath.Catalogue;

internal enum TimelinePointKind
{
    Term,
    AfterGraduation,
    Now,
}
