namespace KoreaPolicy.Model;

/// <summary>What saving an article did to the archive.</summary>
public enum SaveOutcome
{
    Ingested,
    Updated,
    Unchanged,
}
