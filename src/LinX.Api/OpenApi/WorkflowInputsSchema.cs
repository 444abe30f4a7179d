using LinX.Core.Customers;
using LinX.Core.Workflows;
using Microsoft.OpenApi;

namespace LinX.Api.OpenApi;

/// <summary>
/// The <c>steps[i].inputs</c> of the workflow contract as JSON Schema (RocketKOR's <c>inputs.user</c>): what enhance-profile
/// asks the customer for and the documents document-acceptance asks them to accept, with the values the validator allows.
/// </summary>
internal static class WorkflowInputsSchema
{
    public static void Apply(OpenApiSchema schema, Type type)
    {
        if (type == typeof(WorkflowStepInputs))
        {
            Closed(schema, "What the customer is asked for on this step (enhance-profile, document-acceptance).");
            schema.Required = new SortedSet<string>(StringComparer.Ordinal) { "user" };
        }
        else if (type == typeof(WorkflowUserInputs))
        {
            Closed(schema, "enhance-profile: at least one of personalInfo, address and phoneNumber, each value once. document-acceptance: documents.");
            Values(schema, "personalInfo", "enhance-profile: the personal details to ask for.", EnumWireNames.Of<PersonalInfoField>());
            Values(schema, "address", "enhance-profile: the addresses to ask for, one of each type.", EnumWireNames.Of<AddressType>());
            Values(schema, "phoneNumber", "enhance-profile: the phone numbers to ask for, one of each type.", [.. EnumWireNames.Of<PhoneType>().Where(t => t != "MOBILE")]);
            var documents = Property(schema, "documents");
            documents.Description = "document-acceptance: the business's documents the customer reads and accepts, one by one (see /api/linx/documents).";
            documents.MinItems = 1;
            documents.MaxItems = WorkflowLimits.MaxDocuments;
        }
        else if (type == typeof(WorkflowDocumentInput))
        {
            Closed(schema, "A document of the business, as it was created at POST /api/linx/documents.");
            schema.Required = new SortedSet<string>(StringComparer.Ordinal) { "documentGroup", "documentId" };
            Property(schema, "documentGroup").Enum = EnumWireNames.AsEnum(EnumWireNames.Of<Core.Documents.DocumentGroup>());
            var id = Property(schema, "documentId");
            id.Description = "The business's id for the document: 1 to 64 lower-case letters, digits and hyphens.";
            id.Pattern = "^[a-z0-9][a-z0-9-]{0,63}$";
        }
    }

    private static void Values(OpenApiSchema schema, string name, string description, IReadOnlyList<string> allowed)
    {
        var property = Property(schema, name);
        property.Description = description;
        property.UniqueItems = true;
        property.MaxItems = allowed.Count;
        if (property.Items is OpenApiSchema items)
        {
            items.Type = JsonSchemaType.String;
            items.Enum = EnumWireNames.AsEnum(allowed);
        }
    }

    private static void Closed(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        schema.AdditionalPropertiesAllowed = false;
    }

    private static OpenApiSchema Property(OpenApiSchema schema, string name) =>
        schema.Properties?.TryGetValue(name, out var property) == true && property is OpenApiSchema inline
            ? inline
            : throw new InvalidOperationException($"The schema has no inline property '{name}': the contract type changed, update {nameof(WorkflowInputsSchema)}.");
}
