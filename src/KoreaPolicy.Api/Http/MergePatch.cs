using System.Text.Json.Nodes;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// JSON Merge Patch (RFC 7396), written out from the RFC's own pseudocode in §2: no library for
/// it is served here (Microsoft.AspNetCore.JsonPatch is RFC 6902, a different format). An
/// object patch merges member by member, a null member removes the member, anything else
/// replaces the target whole.
/// </summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject existing ? (JsonObject)existing.DeepClone() : [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
