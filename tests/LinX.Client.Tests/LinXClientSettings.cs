using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinX.Client;

/// <summary>
/// The JSON settings of the generated client: the contract's enums travel by their wire names (the generated enums carry
/// them as <see cref="JsonStringEnumMemberNameAttribute"/>), and a field left unset is left out, as the contract asks
/// (no field of a request takes null).
/// </summary>
public partial class LinXClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.Converters.Add(new JsonStringEnumConverter());
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
